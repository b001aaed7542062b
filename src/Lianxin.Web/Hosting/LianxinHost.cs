using System.Security.Claims;
using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Web.Access;
using Lianxin.Web.Api;
using Lianxin.Web.Audit;
using Lianxin.Web.Components;
using Lianxin.Web.Components.Layout;
using Lianxin.Web.Dictionaries;
using Lianxin.Web.Disputes;
using Lianxin.Web.Incidents;
using Lianxin.Web.Notifications;
using Lianxin.Web.Organization;
using Lianxin.Web.Volunteers;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor;
using MudBlazor.Services;
using OpenTelemetry.Metrics;
using Quartz;
using Scalar.AspNetCore;

namespace Lianxin.Web.Hosting;

public static class LianxinHost
{
    public const string AuthScheme = "Lianxin";
    public const string SignInRateLimit = "sign-in";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = PublishedWebRoot() });
        if (DefaultUrl(builder.Configuration) is { } url)
            builder.WebHost.UseUrls(url);
        AddServices(builder);
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    /// <summary>The published build's own <c>wwwroot</c> (the console's styles and scripts), when the process runs from a
    /// working directory without one, as a service does (<c>WorkingDirectory=/var/lib/lianxin</c>, a cluster node's
    /// folder): the web root would otherwise follow the working directory and every page would go out unstyled and never
    /// connect. A build run from source has no <c>wwwroot</c> beside it and keeps the default.</summary>
    public static string? PublishedWebRoot()
    {
        var published = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(published) && !Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot"))
            ? published
            : null;
    }

    /// <summary>The address the README names (http://localhost:5080) when nothing else names one: <c>--urls</c>,
    /// <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>/<c>HTTPS_PORTS</c> or <c>Kestrel:Endpoints</c> all win over it.
    /// The launch profile names no address, so it overrides none of them.</summary>
    public static string? DefaultUrl(IConfiguration config) =>
        string.IsNullOrWhiteSpace(config["urls"])
        && string.IsNullOrWhiteSpace(config["http_ports"])
        && string.IsNullOrWhiteSpace(config["https_ports"])
        && !config.GetSection("Kestrel:Endpoints").Exists()
            ? "http://localhost:5080"
            : null;

    public static void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        // No "Server: Kestrel" on responses: what runs the app is nobody else's business.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddSingleton(TimeProvider.System);

        // Data
        var provider = DatabaseSetup.Provider(config);
        var connectionString = DatabaseSetup.ConnectionString(config, builder.Environment.ContentRootPath);
        var writeGate = new Lianxin.Data.Sqlite.SqliteWriteGate(DatabaseSetup.WriteWait(config));
        services.AddDbContext<LianxinDbContext>(
            (sp, o) =>
            {
                DatabaseSetup.Configure(o, provider, connectionString, writeGate);
                // Saves that change an account's access tell every node's memory of it (AccessCache).
                if (sp.GetService<AccessChangeInterceptor>() is { } access)
                    o.AddInterceptors(access);
            }
        );
        services.AddSingleton(PersonalDataKeys.Load(config, builder.Environment.ContentRootPath));
        services.AddSingleton<PersonalDataProtector>();
        // Files every node must read (an import's upload): in the database on PostgreSQL, the node's folder on SQLite.
        services.AddScoped<Lianxin.Core.Data.SharedFiles.SharedFileStore>();
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddSingleton<IBulkWriter, Lianxin.Data.Postgres.PostgresBulkWriter>();
            services.AddSingleton<IDatabaseErrors, Lianxin.Data.Postgres.PostgresDatabaseErrors>();
        }
        else
        {
            services.AddSingleton<IBulkWriter, Lianxin.Data.Sqlite.SqliteBulkWriter>();
            services.AddSingleton<IDatabaseErrors, Lianxin.Data.Sqlite.SqliteDatabaseErrors>();
        }
        services.AddHostedService<DatabaseInitializer>();
        // Cookies and tokens stay valid across restarts and across nodes behind a load balancer.
        services.AddDataProtection().SetApplicationName("Lianxin").PersistKeysToDbContext<LianxinDbContext>();

        // Identity, sign-in and access
        var security = config.GetSection("Security").Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddSingleton(security);
        services
            .AddIdentityCore<LianxinUser>(o =>
            {
                o.Password.RequiredLength = security.MinimumPasswordLength;
                o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = security.LockoutThreshold;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddRoles<LianxinRole>()
            .AddEntityFrameworkStores<LianxinDbContext>()
            .AddUserManager<LianxinUserManager>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<LianxinClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddPasswordValidator<PasswordPolicyValidator>()
            .AddPasswordValidator<PasswordHistoryValidator>()
            .AddDefaultTokenProviders();
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            // A refreshed principal keeps the time of the original sign-in, so the absolute lifetime cannot be reset,
            // and its server-side session, so it can still be ended.
            o.OnRefreshingPrincipal = ctx =>
            {
                foreach (var type in new[] { LianxinClaims.SignedInAt, LianxinClaims.SessionId })
                    if (
                        ctx.CurrentPrincipal?.FindFirst(type) is { } kept
                        && ctx.NewPrincipal?.Identity is ClaimsIdentity id
                        && !id.HasClaim(c => c.Type == type)
                    )
                        id.AddClaim(new Claim(kept.Type, kept.Value));
                return Task.CompletedTask;
            };
        });

        services
            .AddAuthentication(o =>
            {
                o.DefaultScheme = AuthScheme;
                o.DefaultChallengeScheme = AuthScheme;
            })
            .AddPolicyScheme(AuthScheme, "Cookie or bearer", o =>
                o.ForwardDefaultSelector = ctx =>
                    ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    || (ctx.Request.Path.StartsWithSegments("/hubs") && ctx.Request.Query.ContainsKey("access_token"))
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme
            )
            .AddCookie(IdentityConstants.ApplicationScheme, o => SessionCookies.Configure(o, security))
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromMinutes(security.BearerTokenMinutes);
                o.RefreshTokenExpiration = TimeSpan.FromHours(security.AbsoluteSessionHours);
                o.Events.OnMessageReceived = ctx =>
                {
                    // SignalR from a non-browser client passes the token in the query string.
                    if (ctx.Request.Path.StartsWithSegments("/hubs") && ctx.Request.Query["access_token"] is { Count: > 0 } t)
                        ctx.Token = t;
                    return Task.CompletedTask;
                };
            });
        // Session lifetimes follow the app's clock, so idle and absolute timeouts are testable.
        services
            .AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<TimeProvider>((o, t) => o.TimeProvider = t);
        services
            .AddOptions<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>(IdentityConstants.BearerScheme)
            .Configure<TimeProvider>((o, t) => o.TimeProvider = t);
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, t) => o.TimeProvider = t);
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<RefusalAudit>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        services.AddAccess();
        // Per-address ceiling on sign-in attempts, on top of the per-account lockout: slows password spraying
        // across many accounts from one place. Features add their own policies to the same limiter.
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, ctx =>
                System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                    ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions
                    {
                        PermitLimit = security.SignInAttemptsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    }
                )
            );
        });

        // Features: each registers its services, settings, reminders, jobs and menu links. Hosted services start
        // in the order registered; reminder sources and intake steps keep their order within their feature.
        services.AddSingleton(new AddressNormalizer(config.GetSection("Jurisdiction:AddressPrefixes").Get<string[]>() ?? []));
        services.AddNotifications(config);
        services.AddAudit(config);
        services.AddHostedService<HousekeepingJob>();
        services.AddOrganization();
        services.AddDictionaries();
        services.AddDisputes(config);
        services.AddVolunteers(config);
        services.AddIncidents(config);
        AddScheduledJobs(services, config, provider, connectionString);
        services.AddNavigation(new NavEntry("/api/docs", "NavApi", Icons.Material.Filled.Api, NavOrder.Api) { Target = "_blank" });

        // HTTP API
        services.AddProblemDetails(ApiProblems.Customize);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi(o =>
            o.AddDocumentTransformer(
                (doc, _, _) =>
                {
                    doc.Info.Title = "连心 Lianxin API";
                    doc.Info.Description =
                        "枫桥式派出所工作平台接口。列表分页（page、pageSize ≤ 200），新建支持 Idempotency-Key，修改须带 version。";
                    return Task.CompletedTask;
                }
            )
        );
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        });
        services.AddRequestTimeouts();

        // UI
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Chinese text goes out as UTF-8, not as &#x...; entities: a third of the bytes on a village phone connection.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All)
        );
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingAuthState>();
        services.AddMudServices();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        var signalR = services.AddSignalR(o => o.MaximumReceiveMessageSize = 64 * 1024);
        if (config["Redis:Configuration"] is { Length: > 0 } redis)
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("lianxin"));

        // Operations
        services.AddHealthChecks().AddDbContextCheck<LianxinDbContext>("database", tags: ["ready"]);
        services
            .AddOpenTelemetry()
            .WithMetrics(m =>
                m.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter(LianxinMetrics.MeterName).AddPrometheusExporter()
            );
        services.AddSingleton<LianxinMetrics>();
    }

    public static void UsePipeline(WebApplication app)
    {
        // Behind nginx: take the client address from X-Forwarded-For, but only from the proxies named here.
        if (app.Configuration.GetSection("Network:TrustedProxies").Get<string[]>() is { Length: > 0 } proxies)
        {
            var forwarded = new ForwardedHeadersOptions
            {
                ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            };
            // An address (127.0.0.1), or a network (172.16.0.0/12) where the proxy's address is not fixed (containers).
            foreach (var p in proxies)
                if (p.Contains('/', StringComparison.Ordinal))
                    forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(p));
                else
                    forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(p));
            app.UseForwardedHeaders(forwarded);
        }
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture("zh-CN").AddSupportedCultures("zh-CN", "en").AddSupportedUICultures("zh-CN", "en");
            // Chinese unless the user picks English: a browser set to English on an office PC should not switch the console.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        app.UseSecurityHeaders();
        app.MapStaticAssets();
        app.UseAuthentication();
        app.UseMiddleware<BearerRevalidation>();
        app.UseMiddleware<PasswordChangeGate>();
        app.UseMiddleware<CrossSiteGuard>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseRequestTimeouts();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("连心 API 参考").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        var api = app.MapGroup("/api/v1").RequireAuthorization().AddEndpointFilter<DateBoundsFilter>();
        api.MapAccess();
        api.MapOrganization();
        api.MapDictionaries();
        api.MapDisputes();
        api.MapVolunteers();
        api.MapIncidents();
        api.MapAudit();
        api.MapNotifications();
        app.MapAccessPages();
        app.MapDisputePages();
        app.MapCultureSwitch();
        app.MapNotificationHub();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.SystemOperate));

        // Our own CSP already forbids framing ('none'); Blazor's default would add a second, weaker header.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
    }

    /// <summary>Calendar work (reminders of time limits, visits and deadlines) runs on Quartz. On PostgreSQL its
    /// jobs and triggers are kept in the database (tables <c>qrtz_*</c>, created by Quartz when missing) and the nodes
    /// form one cluster, so each firing runs on one node only and a job scheduled by a node that stops is run by
    /// another. On SQLite (one node) the store is in memory. Either way a record's version check makes sure a
    /// reminder that two sweeps race over is sent once.</summary>
    private static void AddScheduledJobs(
        IServiceCollection services,
        IConfiguration config,
        DatabaseProvider provider,
        string connectionString
    )
    {
        services.AddSingleton<ReminderSweep>();
        var minutes = config.GetValue($"{Lianxin.Core.Disputes.DisputeOptions.Section}:ReminderSweepMinutes", 10);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = config["Scheduler:Name"] is { Length: > 0 } name ? name : "lianxin");
            if (provider == DatabaseProvider.Postgres)
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(connectionString);
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(10);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
                    });
                    store.ConfigureStore(o => o.StoreJobDataAsStrings = true);
                    store.ProvisionSchema();
                });
            if (minutes <= 0)
                return;
            q.AddJob<ReminderSweepJob>(j => j.WithIdentity(ReminderSweepJob.Key));
            q.AddTrigger(t =>
                t.ForJob(ReminderSweepJob.Key)
                    .WithIdentity("reminder-sweep-trigger", "lianxin")
                    .StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
                    .WithSimpleSchedule(x => x.WithInterval(TimeSpan.FromMinutes(minutes)).RepeatForever())
            );
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }
}
