using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using Lianxin.Core.Incidents.Import;
using Lianxin.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Lianxin.Tests.Cluster.Running;

/// <summary>The deployment as it runs: separate processes behind nginx on one PostgreSQL and one Redis. Each test
/// leaves every part running as it found it. Run in order, never beside another test of this class.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunningClusterCollection : ICollectionFixture<RunningCluster>
{
    public const string Name = "Running cluster";
}

[Collection(RunningClusterCollection.Name)]
public sealed class RunningClusterTests(RunningCluster cluster)
{
    [ClusterFact]
    public async Task A_sign_in_on_one_node_is_valid_on_the_other_and_nginx_keeps_a_browser_on_one_node()
    {
        // A token from node 1 works on node 2 (the keys that protect it are shared through the database).
        using (var onTwo = RunningCluster.Client(cluster.Node(2)))
        {
            onTwo.DefaultRequestHeaders.Authorization = new("Bearer", await RunningCluster.TokenAsync(cluster.Node(1), "officer1"));
            Assert.Equal(HttpStatusCode.OK, (await onTwo.GetAsync("api/v1/notifications")).StatusCode);
        }

        // The sign-in form fetched from node 1 is posted to node 2 (antiforgery keys shared), and the cookie it sets
        // opens the console on both nodes.
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var browser = new HttpClient(handler);
        var form = await browser.GetStringAsync(new Uri(cluster.Node(1), "account/login"));
        var token = CookieSignIn.TokenField().Match(form).Groups[1].Value;
        // The antiforgery cookie is the node's, for its address: send it to node 2 as a browser behind nginx would.
        foreach (Cookie c in cookies.GetCookies(cluster.Node(1)))
            cookies.Add(cluster.Node(2), new Cookie(c.Name, c.Value, "/", cluster.Node(2).Host));
        var signIn = await browser.PostAsync(
            new Uri(cluster.Node(2), "account/login"),
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["userName"] = "officer1",
                    ["password"] = TestWorld.Password,
                    ["__RequestVerificationToken"] = token,
                    ["returnUrl"] = "/",
                }
            )
        );
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        foreach (Cookie c in cookies.GetCookies(cluster.Node(2)))
            cookies.Add(cluster.Node(1), new Cookie(c.Name, c.Value, "/", cluster.Node(1).Host));
        foreach (var n in new[] { 1, 2 })
        {
            var home = await browser.GetAsync(new Uri(cluster.Node(n), "disputes"));
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }

        // Through nginx: the first answer sets the route cookie, and the same browser is sent on with it.
        using var proxied = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() })
        {
            BaseAddress = cluster.Proxy,
        };
        var first = await proxied.GetAsync("account/login");
        Assert.Contains(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith("lx_route=", StringComparison.Ordinal));
        var second = await proxied.GetAsync("account/login");
        Assert.False(
            second.Headers.TryGetValues("Set-Cookie", out var again) && again.Any(c => c.StartsWith("lx_route=", StringComparison.Ordinal))
        );
    }

    /// <summary>Nodes run from a folder of their own, as a service does, not from the published build's: the console's
    /// styles and scripts must still be served whole, or every page goes out unstyled and never connects.</summary>
    [ClusterFact]
    public async Task Every_node_serves_the_consoles_styles_and_scripts()
    {
        foreach (var at in new[] { cluster.Proxy, cluster.Node(1), cluster.Node(2) })
        {
            using var client = RunningCluster.Client(at);
            var page = await client.GetStringAsync("account/login");
            var assets = System
                .Text.RegularExpressions.Regex.Matches(page, "(?:href|src)=\"([^\"]+\\.(?:css|js))\"")
                .Select(m => m.Groups[1].Value)
                .Where(a => !a.StartsWith("http", StringComparison.Ordinal))
                .ToList();
            Assert.Contains(assets, a => a.EndsWith(".css", StringComparison.Ordinal));
            Assert.Contains(assets, a => a.Contains("app.", StringComparison.Ordinal) && a.EndsWith(".js", StringComparison.Ordinal));
            foreach (var asset in assets)
            {
                using var response = await client.GetAsync(asset.TrimStart('/'));
                Assert.True(response.IsSuccessStatusCode, $"{at}{asset}: {(int)response.StatusCode}");
                // Not only found: a web root that follows the working directory answers 200 with nothing in it.
                Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100, $"{at}{asset} came back empty");
            }
        }
    }

    [ClusterFact]
    public async Task A_notification_raised_on_one_node_reaches_a_live_connection_on_the_other()
    {
        var token = await RunningCluster.TokenAsync(cluster.Node(2), "officer1");
        await using var live = await ConnectAsync(cluster.Node(2), token);
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var title = $"跨节点上报 {Guid.NewGuid():N}"[..20];
        live.On<JsonElement>("notification", n =>
        {
            if (n.GetProperty("title").GetString()?.Contains(title, StringComparison.Ordinal) == true)
                received.TrySetResult(n);
        });
        // An informant's report on node 1 tells the community officer, whose page is open on node 2. The connection's
        // subscription on Redis follows its start by a moment; a push before it is a hint lost (the inbox keeps the
        // record), so the report is made again, a bounded number of times, until one is heard.
        using var informant = await RunningCluster.BearerAsync(cluster.Node(1), "informant1");
        var arrived = Task.CompletedTask;
        for (var i = 0; i < 5 && !received.Task.IsCompleted; i++)
        {
            var response = await RegisterAsync(informant, title, Guid.NewGuid().ToString());
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            arrived = await Task.WhenAny(received.Task, Task.Delay(TimeSpan.FromSeconds(4)));
        }
        Assert.True(arrived == received.Task, "node 2's connection never heard of the report made on node 1");
    }

    [ClusterFact]
    public async Task A_photo_uploaded_on_one_node_is_read_on_the_other()
    {
        using var one = await RunningCluster.BearerAsync(cluster.Node(1), "officer1");
        using var two = await RunningCluster.BearerAsync(cluster.Node(2), "officer1");
        var dispute = await ApiAssert.OkAsync<DisputeDetail>(
            await RegisterAsync(one, $"照片纠纷 {Guid.NewGuid():N}"[..16], Guid.NewGuid().ToString()),
            HttpStatusCode.Created
        );
        byte[] photo = [0xFF, 0xD8, 0xFF, 0xE0, .. Guid.NewGuid().ToByteArray(), .. new byte[4096], 0xFF, 0xD9];
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(photo);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(part, "file", "现场.jpg");
        var uploaded = await ApiAssert.OkAsync<AttachmentView>(
            await one.PostAsync($"api/v1/disputes/{dispute.Summary.Id}/attachments", form),
            HttpStatusCode.Created
        );
        var read = await two.GetAsync($"api/v1/disputes/{dispute.Summary.Id}/attachments/{uploaded.Id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(photo, await read.Content.ReadAsByteArrayAsync());
    }

    [ClusterFact]
    public async Task A_job_scheduled_once_runs_once_on_one_of_the_nodes()
    {
        // A client of the cluster's job store (never started, so it runs nothing itself) schedules the reminder sweep to
        // fire once, now. Every node polls the store; exactly one may take the firing.
        await using (var store = new Npgsql.NpgsqlConnection(cluster.Env["LIANXIN_CLUSTER_DB"]))
        {
            await store.OpenAsync();
            await using var nodes = new Npgsql.NpgsqlCommand(
                "SELECT count(*) FROM qrtz_scheduler_state WHERE sched_name = 'lianxin'",
                store
            );
            Assert.True((long)(await nodes.ExecuteScalarAsync())! >= cluster.Nodes, "not every node has joined the scheduler's cluster");
        }
        var trigger = $"once-{Guid.NewGuid():N}";
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = "lianxin");
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(cluster.Env["LIANXIN_CLUSTER_DB"]);
                store.UseSystemTextJsonSerializer();
                store.UseClustering();
                store.ConfigureStore(o => o.StoreJobDataAsStrings = true);
            });
        });
        await using var provider = services.BuildServiceProvider();
        var client = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        try
        {
            await client.ScheduleJob(
                TriggerBuilder.Create().WithIdentity(trigger, "lianxin").ForJob(Lianxin.Web.Hosting.ReminderSweepJob.Key).StartNow().Build()
            );
        }
        finally
        {
            await client.Shutdown();
        }

        var logs = Enumerable.Range(1, cluster.Nodes).Select(n => cluster.NodeLog(n)).ToList();
        int Runs() => logs.Sum(log => RunningCluster.ReadShared(log).Split('\n').Count(l => l.Contains(trigger, StringComparison.Ordinal)));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (Runs() == 0 && clock.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(500);
        Assert.Equal(1, Runs());
        // Long enough for another node's poll and a cluster check-in (10 s) to have taken it a second time.
        await Task.Delay(TimeSpan.FromSeconds(25));
        Assert.Equal(1, Runs());
    }

    [ClusterFact]
    public async Task A_node_killed_in_the_middle_of_saves_loses_nothing_and_doubles_nothing_when_clients_retry_with_their_keys()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var tokens = new[] { await RunningCluster.TokenAsync(cluster.Proxy, "officer1") };
        using var client = RunningCluster.Client(cluster.Proxy);
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens[0]);
        const int saves = 60;
        var keys = Enumerable.Range(0, saves).Select(_ => Guid.NewGuid().ToString()).ToArray();
        var acknowledged = new bool[saves];

        // Clients keep saving through nginx while node 1 is killed; each one sends again with its key until it is told
        // the dispute is saved (a retry of a save that had landed before the kill gets the first answer back).
        var killAfter = new TaskCompletionSource();
        var started = 0;
        var work = Enumerable
            .Range(0, saves)
            .Select(async i =>
            {
                if (Interlocked.Increment(ref started) == saves / 3)
                    killAfter.TrySetResult();
                for (var attempt = 0; attempt < 40 && !acknowledged[i]; attempt++)
                {
                    try
                    {
                        var r = await RegisterAsync(client, $"断电重试 {marker} {i}", keys[i]);
                        if (r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                            acknowledged[i] = true;
                        else
                            Assert.True((int)r.StatusCode >= 500 || r.StatusCode == HttpStatusCode.Conflict, $"save {i}: {r.StatusCode}");
                    }
                    catch (HttpRequestException)
                    {
                        // The connection died with the node: send again.
                    }
                    if (!acknowledged[i])
                        await Task.Delay(250);
                }
            })
            .ToList();
        await killAfter.Task;
        await cluster.ScriptAsync("kill", "1");
        await Task.WhenAll(work);
        try
        {
            Assert.All(acknowledged, Assert.True);
            var titles = await cluster.Seeder.WithDbAsync(db =>
                db.Disputes.AsNoTracking().Where(d => d.Title.StartsWith($"断电重试 {marker} ")).Select(d => d.Title).ToListAsync()
            );
            Assert.Equal(saves, titles.Count);
            Assert.Equal(saves, titles.Distinct().Count());
        }
        finally
        {
            await cluster.ScriptAsync("start", "1");
        }
    }

    [ClusterFact]
    public async Task An_import_on_a_node_killed_midway_is_finished_by_the_other_node_without_a_row_lost_or_doubled()
    {
        var prefix = "K" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        const int rows = 40_000;
        var header = string.Join(",", IncidentImportTemplate.Columns.Select(c => c.Header));
        var csv = new StringBuilder(header).Append("\r\n");
        for (var n = 0; n < rows; n++)
            csv.Append(
                    string.Join(
                        ",",
                        $"{prefix}{n:000000}",
                        $"2026-11-{1 + n % 28:00} {n % 24:00}:{n % 60:00}:00",
                        "dispute",
                        "dispute.neighbour",
                        "",
                        "王某某",
                        $"138{n % 100_000_000:00000000}",
                        $"东港豪庭{n % 5000}号楼2单元{n % 9 + 1}01",
                        "120.1",
                        "30.2",
                        "邻居装修噪音扰民",
                        "民警到场调解",
                        "T-S1",
                        "李警官",
                        "否",
                        "有效"
                    )
                )
                .Append("\r\n");
        var file = Encoding.UTF8.GetBytes(csv.ToString());

        using var one = await RunningCluster.BearerAsync(cluster.Node(1), "leader1");
        using var two = await RunningCluster.BearerAsync(cluster.Node(2), "leader1");
        var upload = IncidentImportUploads.UploadAsync(one, $"{prefix}.csv", file);
        // Kill node 1 once its batch is in the database and being read.
        Guid? batch = null;
        for (var i = 0; i < 300 && batch is null; i++)
        {
            await Task.Delay(100);
            batch = await cluster.Seeder.WithDbAsync(db =>
                db.IncidentImports.AsNoTracking().Where(b => b.FileName == $"{prefix}.csv").Select(b => (Guid?)b.Id).FirstOrDefaultAsync()
            );
        }
        Assert.NotNull(batch);
        await Task.Delay(500);
        await cluster.ScriptAsync("kill", "1");
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(async () => (await upload).EnsureSuccessStatusCode());
            Assert.True(await CountAsync(prefix) is 0 or rows, "an import is one transaction: a kill leaves all of it or none of it");

            // Node 2 finishes it from the upload kept in the database.
            var resumed = await ApiAssert.OkAsync<IncidentImportView>(
                await two.PostAsync($"api/v1/incidents/imports/{batch}/resume", null)
            );
            Assert.Equal(IncidentImportStatus.Done, resumed.Status);
            Assert.Equal(rows, await CountAsync(prefix));
        }
        finally
        {
            // Node 1 comes back, looks for interrupted imports at start-up, and finds this one done.
            await cluster.ScriptAsync("start", "1");
        }
        Assert.Equal(rows, await CountAsync(prefix));
        var again = await ApiAssert.OkAsync<IncidentImportView>(await one.PostAsync($"api/v1/incidents/imports/{batch}/resume", null));
        Assert.Equal((IncidentImportStatus.Done, rows), (again.Status, again.Stored));
    }

    [ClusterFact]
    public async Task With_Redis_stopped_saves_go_on_and_notifications_wait_in_the_inbox()
    {
        using var informant = await RunningCluster.BearerAsync(cluster.Node(1), "informant1");
        using var officer = await RunningCluster.BearerAsync(cluster.Node(2), "officer1");
        await cluster.ScriptAsync("stop-redis");
        try
        {
            var title = $"无缓存上报 {Guid.NewGuid():N}"[..18];
            var started = DateTime.UtcNow;
            var response = await RegisterAsync(informant, title, Guid.NewGuid().ToString());
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(15), "a save waited on the missing Redis");
            // The page falls back to reading the inbox, which the database holds: the officer on node 2 sees it.
            var inbox = await officer.GetStringAsync("api/v1/notifications?unreadOnly=true&pageSize=50");
            Assert.Contains(title, inbox, StringComparison.Ordinal);
        }
        finally
        {
            await cluster.ScriptAsync("start-redis");
        }
    }

    [ClusterFact]
    public async Task With_PostgreSQL_stopped_requests_get_a_fast_503_and_the_nodes_recover_by_themselves()
    {
        using var client = await RunningCluster.BearerAsync(cluster.Proxy, "officer1");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/v1/disputes?pageSize=5")).StatusCode);
        await cluster.ScriptAsync("stop-db");
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var down = await client.GetAsync("api/v1/disputes?pageSize=5");
                Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"a 503 took {clock.Elapsed}");
                Assert.NotNull(down.Headers.RetryAfter);
                var problem = await down.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal(503, problem.GetProperty("status").GetInt32());
                Assert.Contains("数据库", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            await cluster.ScriptAsync("start-db");
        }
        var back = System.Diagnostics.Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            status = (await client.GetAsync("api/v1/disputes?pageSize=5")).StatusCode;
            if (status != HttpStatusCode.OK)
                await Task.Delay(200);
        } while (status != HttpStatusCode.OK && back.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, status);
    }

    private Task<int> CountAsync(string prefix) =>
        cluster.Seeder.WithDbAsync(db => db.Incidents.CountAsync(i => i.Number.StartsWith(prefix)));

    private async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string title, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/disputes")
        {
            Content = JsonContent.Create(
                new
                {
                    title,
                    categoryCode = "neighbour",
                    source = "WalkIn",
                    orgUnitId = cluster.World.Villages[0].Id,
                    description = "两家因排水沟堵塞争吵",
                    address = "东峪村一组3号",
                    parties = new object[] { new { role = "Applicant", name = "甲" }, new { role = "Respondent", name = "乙" } },
                }
            ),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<HubConnection> ConnectAsync(Uri node, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node, "hubs/notifications"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
