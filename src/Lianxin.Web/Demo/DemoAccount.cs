namespace Lianxin.Web.Demo;

public sealed record DemoAccount(string UserName, string DisplayName, string Role, string Unit, string Password);
