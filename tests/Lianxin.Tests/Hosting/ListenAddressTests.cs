using Lianxin.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace Lianxin.Tests.Hosting;

/// <summary>The port is set the way the README says: <c>--urls</c> and <c>ASPNETCORE_URLS</c> are obeyed, and the
/// launch profile of <c>dotnet run</c> does not quietly put its own address over them.</summary>
public sealed class ListenAddressTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void Without_an_address_the_app_listens_where_the_readme_says()
    {
        Assert.Equal("http://localhost:5080", LianxinHost.DefaultUrl(Config()));
    }

    [Theory]
    [InlineData("urls", "http://127.0.0.1:5123")]
    [InlineData("http_ports", "8080")]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://0.0.0.0:80")]
    public void An_address_given_any_usual_way_wins(string key, string value)
    {
        Assert.Null(LianxinHost.DefaultUrl(Config((key, value))));
    }

    [Fact]
    public void The_launch_profile_names_no_address()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Lianxin.slnx")))
            dir = dir.Parent;
        var settings = File.ReadAllText(Path.Combine(dir.FullName, "src", "Lianxin.Web", "Properties", "launchSettings.json"));
        Assert.DoesNotContain("applicationUrl", settings);
        Assert.DoesNotContain("ASPNETCORE_URLS", settings);
    }
}
