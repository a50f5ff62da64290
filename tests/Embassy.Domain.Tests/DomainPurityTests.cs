using System.Reflection;

namespace Embassy.Domain.Tests;

public class DomainPurityTests
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void DomainAssembly_ReferencesNoInfrastructure()
    {
        // STYLE.md: the domain is pure — no EF, ASP.NET, HTTP, YAML, file or clock libraries.
        var references = typeof(Period).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var allowed = new[] { "System.Runtime", "System.Collections", "System.Linq", "System.Runtime.Numerics", "System.Memory", "netstandard", "System.Private.CoreLib", "System.Runtime.InteropServices" };
        Assert.All(references, name => Assert.Contains(name, allowed));
    }

    [Fact]
    public void DomainMethods_NeverReadTheClock()
    {
        // Time comes in as a parameter: no method of the domain may call DateTime/DateTimeOffset.Now or UtcNow.
        var module = typeof(Period).Assembly.ManifestModule;
        var checkedMethods = 0;
        foreach (var method in module.GetTypes().SelectMany(t => t.GetMethods(All).Cast<MethodBase>().Concat(t.GetConstructors(All))))
        {
            var body = method.GetMethodBody()?.GetILAsByteArray();
            if (body is null)
            {
                continue;
            }

            checkedMethods++;
            for (var i = 0; i + 4 < body.Length; i++)
            {
                if (body[i] is not (0x28 or 0x6F))
                {
                    continue; // only call / callvirt
                }

                MethodBase? target = null;
                try
                {
                    target = module.ResolveMethod(BitConverter.ToInt32(body, i + 1));
                }
                catch (ArgumentException)
                {
                    // The bytes after 0x28 were not a method token (an operand of another instruction).
                }

                var readsClock = target?.DeclaringType is { } dt && (dt == typeof(DateTime) || dt == typeof(DateTimeOffset)) && target.Name is "get_Now" or "get_UtcNow";
                Assert.False(readsClock, $"{method.DeclaringType?.Name}.{method.Name} reads the clock");
            }
        }

        Assert.True(checkedMethods > 50, $"only {checkedMethods} method bodies were checked");
    }
}
