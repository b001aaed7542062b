using Lianxin.Web.Hosting;

// Commands ("seed demo", "migrate", "audit verify", …) run and exit; anything else serves the app.
if (args.Length > 0 && Commands.IsCommand(args[0]))
    return await Commands.RunAsync(args);

// Migration and built-in data run in DatabaseInitializer before the server takes requests.
var app = LianxinHost.Build(args);
await app.RunAsync();
return 0;

public partial class Program;
