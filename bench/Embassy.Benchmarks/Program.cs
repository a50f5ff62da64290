using BenchmarkDotNet.Running;
using Embassy.Application;
using Embassy.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Run with: dotnet run -c Release --project bench/Embassy.Benchmarks -- --filter '*'
// Or seed the demo program into any database for a load test (bench/scale/run.sh), PostgreSQL included, which the web
// app's --demo never touches: ... -- seed-demo "CONNECTION STRING" MEMBERS MONTHS
if (args is ["seed-demo", var connection, var members, var months])
{
    var services = new ServiceCollection();
    services.AddEmbassyData(new DatabaseOptions { Provider = "postgres", ConnectionString = connection });
    await using var provider = services.BuildServiceProvider();
    var databases = provider.GetRequiredService<IDbContextFactory<EmbassyDbContext>>();
    await using (var db = await databases.CreateDbContextAsync())
    {
        await SchemaMigrator.MigrateAsync(db);
    }

    var demo = new DemoProgram(databases, TimeProvider.System);
    if (await demo.IsEmptyAsync())
    {
        await demo.SeedAsync(int.Parse(members, System.Globalization.CultureInfo.InvariantCulture), int.Parse(months, System.Globalization.CultureInfo.InvariantCulture));
    }

    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
