using Microsoft.Extensions.Configuration;

namespace Embassy.Web.Tests;

/// <summary>The README's `./run --demo` and `./run --urls …` can be combined: the switch never swallows the next option.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--demo --urls http://127.0.0.1:5080")]
    [InlineData("--urls http://127.0.0.1:5080 --demo")]
    public void Demo_WithUrls_BothReachTheConfiguration(string line)
    {
        var config = new ConfigurationBuilder().AddCommandLine(EmbassyWebSetup.CommandLine(line.Split(' '))).Build();

        Assert.True(config.GetValue<bool>("Demo"));
        Assert.Equal("http://127.0.0.1:5080", config["urls"]);
    }

    [Fact]
    public void WithoutDemo_NothingChanges()
    {
        string[] args = ["--urls", "http://0.0.0.0:8080"];

        Assert.Equal(args, EmbassyWebSetup.CommandLine(args));
    }
}
