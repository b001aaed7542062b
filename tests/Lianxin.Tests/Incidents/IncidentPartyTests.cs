using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Core.Audit;
using Lianxin.Core.Common;
using Lianxin.Core.Incidents;
using Lianxin.Core.Incidents.Repeats;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Incidents;

public sealed class IncidentPartySqliteTests(SqliteApp app) : IncidentPartyTests(app), IClassFixture<SqliteApp>;

public sealed class IncidentPartyPostgresTests(PostgresApp app) : IncidentPartyTests(app), IClassFixture<PostgresApp>;

/// <summary>Parties (当事人) of incidents: entered with the incident, stored encrypted and shown masked, revealed
/// only with the permission and audited, and clustered across incidents as the same person.</summary>
public abstract class IncidentPartyTests(AppFixture app)
{
    private static string NewNumber() => "P" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();

    /// <summary>A valid 18-digit ID number of its own for each call.</summary>
    private static string NewIdNumber()
    {
        var body =
            $"110105{Random.Shared.Next(1950, 2005)}0{Random.Shared.Next(1, 10)}"
            + $"1{Random.Shared.Next(0, 10)}{Random.Shared.Next(100, 1000)}";
        return body + CitizenId.ComputeCheckChar(body);
    }

    private static string NewPhone() => $"139{Random.Shared.Next(10_000_000, 99_999_999)}";

    private object Item(string number, string callerPhone, object[]? parties, DateTimeOffset? at = null) =>
        new
        {
            number,
            receivedAt = at ?? DateTimeOffset.UtcNow.AddHours(-1),
            categoryCode = "dispute",
            callerName = "报警人",
            callerPhone,
            address = $"当事人测试{Guid.NewGuid():N}号",
            summary = "邻里纠纷",
            handlingUnitId = app.World.Districts[0].Id,
            parties,
        };

    /// <summary>A browser-like client signed in through the login form, for the server-rendered pages.</summary>
    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = app.Factory.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }
        );
        var form = await client.GetStringAsync("/account/login");
        var token = System
            .Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")
            .Groups[1]
            .Value;
        var signIn = await client.PostAsync(
            "/account/login",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["userName"] = user,
                    ["password"] = TestWorld.Password,
                    ["__RequestVerificationToken"] = token,
                    ["returnUrl"] = "/",
                }
            )
        );
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    private Task<List<RepeatCluster>> ClustersOfAsync(Guid incidentId) =>
        app.Factory.WithDbAsync(db =>
            db.RepeatClusters.AsNoTracking()
                .Include(c => c.Members)
                .Include(c => c.Keys)
                .Where(c => c.Members.Any(m => m.IncidentId == incidentId))
                .ToListAsync()
        );

    [Fact]
    public async Task The_same_person_in_different_roles_and_as_an_earlier_caller_is_one_group()
    {
        var officer = await app.As("officer1");
        var idB = NewIdNumber();
        var phoneA = NewPhone();
        var phoneB = NewPhone();
        var now = DateTimeOffset.UtcNow;

        // A calls about B (named with ID number and phone) ...
        var first = await ApiAssert.OkAsync<IncidentDetail>(
            await officer.PostAsJsonAsync(
                "/api/v1/incidents",
                Item(
                    NewNumber(),
                    phoneA,
                    [
                        new
                        {
                            role = "Party",
                            name = "李建军",
                            idNumber = idB,
                            phone = phoneB,
                        },
                    ],
                    now.AddDays(-6)
                )
            ),
            HttpStatusCode.Created
        );
        var party = Assert.Single(first.Parties);
        Assert.Equal("李**", party.NameMasked);
        Assert.DoesNotContain(idB[6..14], party.IdNumberMasked);
        Assert.Empty(await ClustersOfAsync(first.Summary.Id));

        // ... then B is named again, this time as the victim: the same person by ID number.
        var second = await ApiAssert.OkAsync<IncidentDetail>(
            await officer.PostAsJsonAsync(
                "/api/v1/incidents",
                Item(
                    NewNumber(),
                    NewPhone(),
                    [
                        new
                        {
                            role = "Victim",
                            name = "李建军",
                            idNumber = idB,
                        },
                    ],
                    now.AddDays(-4)
                )
            ),
            HttpStatusCode.Created
        );
        var byId = Assert.Single(await ClustersOfAsync(second.Summary.Id));
        Assert.Equal(RepeatClusterKind.Party, byId.Kind);
        Assert.Equal(2, byId.IncidentCount);
        Assert.Contains("李**", byId.Label);
        Assert.DoesNotContain("李建军", byId.Label);
        Assert.True((await app.Factory.WithDbAsync(db => db.Incidents.FirstAsync(i => i.Id == first.Summary.Id))).FlaggedRepeat);

        // B calls about A, known only by the phone A called from: the same people as the first incident.
        var third = await ApiAssert.OkAsync<IncidentDetail>(
            await officer.PostAsJsonAsync(
                "/api/v1/incidents",
                Item(
                    NewNumber(),
                    phoneB,
                    [
                        new
                        {
                            role = "Suspect",
                            name = "王秀兰",
                            phone = phoneA,
                        },
                    ],
                    now.AddDays(-2)
                )
            ),
            HttpStatusCode.Created
        );
        // One problem, one group: B's group takes the third (B calls from the phone B was named with in the first), and
        // A, named in it by the phone A called from, joins the group as a key brought by the third.
        var group = Assert.Single(await ClustersOfAsync(third.Summary.Id));
        Assert.Equal(byId.Id, group.Id);
        Assert.Equal([first.Summary.Id, second.Summary.Id, third.Summary.Id], group.Members.Select(m => m.IncidentId).Order().ToArray());
        Assert.Contains(group.Keys, k => k.Kind == RepeatClusterKind.Party && k.Label.Contains("王**") && k.IncidentId == third.Summary.Id);
        Assert.Equal(2, group.Keys.Count(k => k.Kind == RepeatClusterKind.Party));

        // Someone else with a name like B's is a different person.
        var other = await ApiAssert.OkAsync<IncidentDetail>(
            await officer.PostAsJsonAsync(
                "/api/v1/incidents",
                Item(NewNumber(), NewPhone(), [new { name = "李建军", idNumber = NewIdNumber() }], now.AddDays(-1))
            ),
            HttpStatusCode.Created
        );
        Assert.Empty(await ClustersOfAsync(other.Summary.Id));
        Assert.False(other.Summary.FlaggedRepeat);

        // The clusters page filters by kind; another station's officer sees none of it.
        var page = await ApiAssert.OkAsync<JsonElement>(await officer.GetAsync("/api/v1/incidents/clusters?kind=Party&pageSize=200"));
        var ids = page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(byId.Id, ids);
        Assert.All(page.GetProperty("items").EnumerateArray(), r => Assert.Contains("同一当事人", r.GetProperty("kindLabel").GetString()));
        var station2 = await app.As("officer2");
        Assert.Equal(HttpStatusCode.NotFound, (await station2.GetAsync($"/api/v1/incidents/clusters/{byId.Id}")).StatusCode);
        var theirs = await ApiAssert.OkAsync<JsonElement>(await station2.GetAsync("/api/v1/incidents/clusters?kind=Party&pageSize=200"));
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == byId.Id);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await station2.PostAsJsonAsync($"/api/v1/incidents/{first.Summary.Id}/parties/reveal", new { })).StatusCode
        );
    }

    /// <summary>Seed 004: 刘 downstairs and 张 upstairs call the police about each other again and again. Each call
    /// from one of them is in the cluster of that person, whether they were named in it or made it.</summary>
    [Fact]
    public async Task Two_neighbours_calling_about_each_other_are_one_group_with_a_key_for_each()
    {
        var officer = await app.As("officer1");
        var liu = NewPhone();
        var zhang = NewPhone();
        var now = DateTimeOffset.UtcNow;
        async Task<IncidentDetail> CallAsync(string caller, object[]? parties, int daysAgo) =>
            await ApiAssert.OkAsync<IncidentDetail>(
                await officer.PostAsJsonAsync("/api/v1/incidents", Item(NewNumber(), caller, parties, now.AddDays(-daysAgo))),
                HttpStatusCode.Created
            );
        List<Guid> Members(RepeatCluster c) => c.Members.Select(m => m.IncidentId).Order().ToList();

        // 刘 calls: the renovation upstairs; 张 is named with his phone.
        var first = await CallAsync(
            liu,
            [
                new
                {
                    role = "Party",
                    name = "张志强",
                    phone = zhang,
                },
            ],
            20
        );
        Assert.Empty(await ClustersOfAsync(first.Summary.Id));

        // 张 calls about 刘, whom he names by name only: he is the 张 of the first call, so his cluster opens.
        var second = await CallAsync(zhang, [new { role = "Party", name = "刘桂芳" }], 12);
        var zhangs = Assert.Single(await ClustersOfAsync(second.Summary.Id));
        Assert.Equal(RepeatClusterKind.Party, zhangs.Kind);
        Assert.Equal(new[] { first.Summary.Id, second.Summary.Id }.Order().ToList(), Members(zhangs));
        Assert.Contains("张**", zhangs.Label);
        Assert.True((await app.Factory.WithDbAsync(db => db.Incidents.FirstAsync(i => i.Id == first.Summary.Id))).FlaggedRepeat);
        Assert.True((await app.Factory.WithDbAsync(db => db.Incidents.FirstAsync(i => i.Id == second.Summary.Id))).FlaggedRepeat);

        // 张 calls again, now naming 刘 with her phone: 刘's cluster takes her call of the first, 张's grows.
        var third = await CallAsync(
            zhang,
            [
                new
                {
                    role = "Suspect",
                    name = "刘桂芳",
                    phone = liu,
                },
            ],
            6
        );
        // One quarrel, one group: 刘 (named with her phone, who made the first call) and 张's phone join 张's group.
        var ofThird = Assert.Single(await ClustersOfAsync(third.Summary.Id));
        Assert.Equal(zhangs.Id, ofThird.Id);
        Assert.Equal(new[] { first.Summary.Id, second.Summary.Id, third.Summary.Id }.Order().ToList(), Members(ofThird));
        Assert.Contains(ofThird.Keys, k =>
            k.Kind == RepeatClusterKind.Party && k.Label.Contains("刘**") && k.IncidentId == third.Summary.Id
        );
        Assert.Contains(ofThird.Keys, k => k.Kind == RepeatClusterKind.Phone);

        // 刘 calls about 张 without naming anyone: she was named with this phone, so the group takes it by her key.
        var fourth = await CallAsync(liu, null, 2);
        var ofFourth = Assert.Single(await ClustersOfAsync(fourth.Summary.Id));
        Assert.Equal(zhangs.Id, ofFourth.Id);
        Assert.Equal(
            new[] { first.Summary.Id, second.Summary.Id, third.Summary.Id, fourth.Summary.Id }.Order().ToList(),
            Members(ofFourth)
        );
        // Her phone, which made the first call, joins the group now, brought by the fourth.
        Assert.Contains(ofFourth.Keys, k => k.Kind == RepeatClusterKind.Phone && k.IncidentId == fourth.Summary.Id);

        // A call from a phone someone was named with more than the window (30 days) before stays on its own.
        var quiet = NewPhone();
        await CallAsync(NewPhone(), [new { name = "孙振华", phone = quiet }], 75);
        var afterWindow = await CallAsync(quiet, null, 40);
        Assert.Empty(await ClustersOfAsync(afterWindow.Summary.Id));
        Assert.False(afterWindow.Summary.FlaggedRepeat);
    }

    [Fact]
    public async Task Naming_a_person_afterwards_puts_their_later_calls_from_that_phone_into_their_cluster()
    {
        var officer = await app.As("officer1");
        var now = DateTimeOffset.UtcNow;
        var neighbour = NewPhone();
        async Task<IncidentDetail> CallAsync(string caller, int daysAgo) =>
            await ApiAssert.OkAsync<IncidentDetail>(
                await officer.PostAsJsonAsync("/api/v1/incidents", Item(NewNumber(), caller, null, now.AddDays(-daysAgo))),
                HttpStatusCode.Created
            );

        // 吴 calls about the noise next door; days later the neighbour calls about 吴 (from a phone nobody has named yet).
        var first = await CallAsync(NewPhone(), 40);
        var later = await CallAsync(neighbour, 34);
        var outside = await CallAsync(neighbour, 5); // more than the window (30 days) after the first call
        // (The two calls from the neighbour's phone are 29 days apart: a 同一报警电话 group, no 当事人 key.)
        Assert.DoesNotContain(await ClustersOfAsync(later.Summary.Id), c => c.Kind == RepeatClusterKind.Party);

        // The officer completes the first call: the neighbour is named, with that phone.
        var edited = await ApiAssert.OkAsync<IncidentDetail>(
            await officer.PutJsonAsync(
                $"/api/v1/incidents/{first.Summary.Id}",
                new
                {
                    categoryCode = "dispute",
                    version = first.Summary.Version,
                    parties = new object[]
                    {
                        new
                        {
                            role = "Party",
                            name = "郑立新",
                            phone = neighbour,
                        },
                    },
                }
            )
        );
        Assert.Single(edited.Parties);
        // The first call joins the neighbour's group (their two calls by phone) by the party key: one problem, one group.
        var cluster = Assert.Single(await ClustersOfAsync(later.Summary.Id));
        Assert.Equal(
            new[] { first.Summary.Id, later.Summary.Id, outside.Summary.Id }.Order(),
            cluster.Members.Select(m => m.IncidentId).Order()
        );
        Assert.Contains(cluster.Keys, k => k.Kind == RepeatClusterKind.Party && k.Label.Contains("郑**"));
        Assert.True((await app.Factory.WithDbAsync(db => db.Incidents.FirstAsync(i => i.Id == first.Summary.Id))).FlaggedRepeat);

        // Saving the incident again with the same person re-checks nothing and adds nobody.
        var again = await ApiAssert.OkAsync<IncidentDetail>(
            await officer.PutJsonAsync(
                $"/api/v1/incidents/{first.Summary.Id}",
                new
                {
                    categoryCode = "dispute",
                    version = edited.Summary.Version,
                    parties = new object[] { new { id = edited.Parties[0].Id } },
                }
            )
        );
        Assert.Single(again.Parties);
        Assert.Equal(3, Assert.Single(await ClustersOfAsync(later.Summary.Id), c => c.Id == cluster.Id).Members.Count);
    }

    [Fact]
    public async Task The_110_batch_takes_parties_and_refuses_an_item_with_a_bad_id_number()
    {
        var officer = await app.As("officer1");
        var idC = NewIdNumber();
        var good = NewNumber();
        var bad = NewNumber();
        var wrongCheck = idC[..17] + (idC[17] == '0' ? '1' : '0');
        var result = await ApiAssert.OkAsync<IncidentBatchResult>(
            await officer.PostAsJsonAsync(
                "/api/v1/incidents/batch",
                new
                {
                    items = new[]
                    {
                        Item(
                            good,
                            NewPhone(),
                            [
                                new
                                {
                                    role = "Party",
                                    name = "赵六",
                                    idNumber = idC,
                                },
                                new { role = "Witness", phone = NewPhone() },
                            ]
                        ),
                        Item(
                            bad,
                            NewPhone(),
                            [
                                new
                                {
                                    role = "Party",
                                    name = "钱七",
                                    idNumber = wrongCheck,
                                },
                            ]
                        ),
                    },
                }
            )
        );
        Assert.Equal(1, result.Created);
        Assert.Equal(1, result.Invalid);
        Assert.Contains("parties[0].idNumber", result.Items[1].Errors!.Keys);
        Assert.Contains("校验位", result.Items[1].Errors!["parties[0].idNumber"][0]);
        var stored = await app.Factory.WithDbAsync(db =>
            db.IncidentParties.AsNoTracking()
                .Where(p => db.Incidents.Any(i => i.Id == p.IncidentId && i.Number == good))
                .OrderBy(p => p.Position)
                .ToListAsync()
        );
        Assert.Equal(2, stored.Count);
        Assert.Equal(IncidentPartyRole.Witness, stored[1].Role);
        Assert.NotNull(stored[0].IdNumberHash);
        Assert.Equal(stored[0].IdNumberHash, stored[0].PersonKey);
        Assert.Equal(stored[1].PhoneHash, stored[1].PersonKey);
        Assert.DoesNotContain(idC, System.Text.Encoding.UTF8.GetString(stored[0].IdNumberCipher!));
        Assert.False(await app.Factory.WithDbAsync(db => db.Incidents.AnyAsync(i => i.Number == bad)));

        // One by hand: the same bad number is a 422 and nothing is stored; so is a party with nothing to tell them by.
        var before = await app.Factory.WithDbAsync(db => db.IncidentParties.CountAsync());
        var refused = await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync("/api/v1/incidents", Item(bad, NewPhone(), [new { name = "钱七", idNumber = wrongCheck }])),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Contains("parties[0].idNumber", refused.GetRawText());
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync("/api/v1/incidents", Item(bad, NewPhone(), [new { role = "Party" }])),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync("/api/v1/incidents", Item(bad, NewPhone(), [new { name = "钱七", idNumber = "11010519900101" }])),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                "/api/v1/incidents",
                Item(
                    bad,
                    NewPhone(),
                    Enumerable.Range(0, IncidentService.MaxParties + 1).Select(_ => (object)new { name = "某人" }).ToArray()
                )
            ),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.False(await app.Factory.WithDbAsync(db => db.Incidents.AnyAsync(i => i.Number == bad)));
        Assert.Equal(before, await app.Factory.WithDbAsync(db => db.IncidentParties.CountAsync()));
    }

    [Fact]
    public async Task Parties_are_edited_kept_by_id_and_revealed_only_with_the_permission_and_audited()
    {
        var officer = await app.As("officer1");
        var id = NewIdNumber();
        var x = await ApiAssert.OkAsync<IncidentDetail>(
            await officer.PostAsJsonAsync("/api/v1/incidents", Item(NewNumber(), NewPhone(), [new { name = "孙国庆", idNumber = id }])),
            HttpStatusCode.Created
        );
        var kept = Assert.Single(x.Parties);
        var json = JsonSerializer.Serialize(x);
        Assert.DoesNotContain(id, json);
        Assert.DoesNotContain("孙国庆", json);

        // Keep the stored one as the suspect, add a victim; a stale version or a bad phone changes nothing.
        var phone = NewPhone();
        var edit = new
        {
            categoryCode = "dispute",
            version = x.Summary.Version,
            parties = new object[]
            {
                new { id = kept.Id, role = "Suspect" },
                new
                {
                    role = "Victim",
                    name = "周桂英",
                    phone,
                },
            },
        };
        await ApiAssert.ProblemAsync(
            await officer.PutJsonAsync(
                $"/api/v1/incidents/{x.Summary.Id}",
                new
                {
                    categoryCode = "dispute",
                    version = x.Summary.Version,
                    parties = new object[] { new { name = "周桂英", phone = "12" } },
                }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await officer.PutJsonAsync(
                $"/api/v1/incidents/{x.Summary.Id}",
                new
                {
                    categoryCode = "dispute",
                    version = x.Summary.Version,
                    parties = new object[] { new { id = Guid.NewGuid() } },
                }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        var edited = await ApiAssert.OkAsync<IncidentDetail>(await officer.PutJsonAsync($"/api/v1/incidents/{x.Summary.Id}", edit));
        Assert.Equal(2, edited.Parties.Count);
        Assert.Equal(kept.Id, edited.Parties[0].Id);
        Assert.Equal(IncidentPartyRole.Suspect, edited.Parties[0].Role);
        Assert.Equal(kept.IdNumberMasked, edited.Parties[0].IdNumberMasked);
        Assert.Equal(IncidentPartyRole.Victim, edited.Parties[1].Role);

        await ApiAssert.ProblemAsync(
            await (await app.As("auxiliary1")).PostAsJsonAsync($"/api/v1/incidents/{x.Summary.Id}/parties/reveal", new { reason = "核实" }),
            HttpStatusCode.Forbidden
        );
        var shown = await ApiAssert.OkAsync<List<RevealedParty>>(
            await officer.PostAsJsonAsync($"/api/v1/incidents/{x.Summary.Id}/parties/reveal", new { reason = "约谈当事人" })
        );
        Assert.Equal(["孙国庆", "周桂英"], shown.Select(p => p.Name));
        Assert.Equal(id, shown[0].IdNumber);
        Assert.Equal(phone, shown[1].Phone);
        var line = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.AsNoTracking()
                .Where(a => a.Action == AuditAction.Reveal && a.EntityId == x.Summary.Id.ToString() && a.Summary!.Contains("当事人"))
                .FirstOrDefaultAsync()
        );
        Assert.NotNull(line);
        Assert.Equal(app.World.UserIds["officer1"], line.UserId);
        Assert.Contains("约谈当事人", line.Summary);

        // The detail page shows them masked, with the button to show them in full.
        var page = await SignedInAsync("officer1");
        var html = WebUtility.HtmlDecode(await page.GetStringAsync($"/incidents/{x.Summary.Id}"));
        Assert.Contains("data-testid=\"incident-parties\"", html);
        Assert.Contains("data-testid=\"incident-parties-reveal\"", html);
        Assert.Contains("孙**", html);
        Assert.DoesNotContain("孙国庆", html);
        Assert.DoesNotContain(id, html);
        Assert.Contains("data-testid=\"incident-parties-editor\"", html);

        // Removing every party: an empty list.
        var cleared = await ApiAssert.OkAsync<IncidentDetail>(
            await officer.PutJsonAsync(
                $"/api/v1/incidents/{x.Summary.Id}",
                new
                {
                    categoryCode = "dispute",
                    version = edited.Summary.Version,
                    parties = Array.Empty<object>(),
                }
            )
        );
        Assert.Empty(cleared.Parties);
    }

    [Fact]
    public async Task A_person_named_on_an_edit_is_checked_against_earlier_incidents()
    {
        var officer = await app.As("officer1");
        var id = NewIdNumber();
        var now = DateTimeOffset.UtcNow;
        var earlier = await ApiAssert.OkAsync<IncidentDetail>(
            await officer.PostAsJsonAsync(
                "/api/v1/incidents",
                Item(NewNumber(), NewPhone(), [new { name = "吴德明", idNumber = id }], now.AddDays(-3))
            ),
            HttpStatusCode.Created
        );
        var later = await ApiAssert.OkAsync<IncidentDetail>(
            await officer.PostAsJsonAsync("/api/v1/incidents", Item(NewNumber(), NewPhone(), null, now.AddDays(-1))),
            HttpStatusCode.Created
        );
        Assert.Empty(await ClustersOfAsync(later.Summary.Id));

        var edited = await ApiAssert.OkAsync<IncidentDetail>(
            await officer.PutJsonAsync(
                $"/api/v1/incidents/{later.Summary.Id}",
                new
                {
                    categoryCode = "dispute",
                    version = later.Summary.Version,
                    parties = new object[]
                    {
                        new
                        {
                            role = "Suspect",
                            name = "吴德明",
                            idNumber = id,
                        },
                    },
                }
            )
        );
        Assert.True(edited.Summary.FlaggedRepeat);
        var cluster = Assert.Single(await ClustersOfAsync(later.Summary.Id));
        Assert.Equal(RepeatClusterKind.Party, cluster.Kind);
        Assert.Equal([earlier.Summary.Id, later.Summary.Id], cluster.Members.Select(m => m.IncidentId).Order().ToArray());

        // Saving the same parties again changes nothing: still one cluster of two.
        await ApiAssert.OkAsync<IncidentDetail>(
            await officer.PutJsonAsync(
                $"/api/v1/incidents/{later.Summary.Id}",
                new
                {
                    categoryCode = "dispute",
                    version = edited.Summary.Version,
                    parties = new object[] { new { id = edited.Parties[0].Id, role = "Suspect" } },
                }
            )
        );
        Assert.Equal(2, Assert.Single(await ClustersOfAsync(later.Summary.Id)).IncidentCount);
    }

    [Fact]
    public async Task A_dispute_opened_from_a_party_cluster_takes_the_people_named_once_each_and_links_a_registered_resident()
    {
        var officer = await app.As("officer1");
        var id = NewIdNumber();
        var phoneOther = NewPhone();
        var now = DateTimeOffset.UtcNow;
        // A resident of the station, registered with this ID number.
        var residentId = await app.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Lianxin.Core.Data.LianxinDbContext>();
            var protector = sp.GetRequiredService<PersonalDataProtector>();
            var r = new Lianxin.Core.Organization.Resident
            {
                Name = "周海涛",
                OrgUnitId = app.World.Grids[0].Id,
                Address = "东峪村四组8号",
                IdNumber = protector.Protect(id, CitizenId.Mask),
                Gender = CitizenId.Parse(id).Gender,
                BirthDate = CitizenId.Parse(id).BirthDate,
            };
            db.Residents.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });

        // The same man named in three incidents, with another person and a witness; the callers differ.
        await ApiAssert.OkAsync<IncidentDetail>(
            await officer.PostAsJsonAsync(
                "/api/v1/incidents",
                Item(
                    NewNumber(),
                    NewPhone(),
                    [
                        new
                        {
                            role = "Party",
                            name = "周海涛",
                            idNumber = id,
                        },
                        new
                        {
                            role = "Party",
                            name = "郑丽",
                            phone = phoneOther,
                        },
                    ],
                    now.AddDays(-5)
                )
            ),
            HttpStatusCode.Created
        );
        await ApiAssert.OkAsync<IncidentDetail>(
            await officer.PostAsJsonAsync(
                "/api/v1/incidents",
                Item(
                    NewNumber(),
                    NewPhone(),
                    [
                        new
                        {
                            role = "Suspect",
                            name = "周海涛",
                            idNumber = id,
                        },
                        new { role = "Witness", name = "冯强" },
                    ],
                    now.AddDays(-3)
                )
            ),
            HttpStatusCode.Created
        );
        var last = await ApiAssert.OkAsync<IncidentDetail>(
            await officer.PostAsJsonAsync(
                "/api/v1/incidents",
                Item(
                    NewNumber(),
                    phoneOther,
                    [
                        new
                        {
                            role = "Victim",
                            name = "周海涛",
                            idNumber = id,
                        },
                    ],
                    now.AddDays(-1)
                )
            ),
            HttpStatusCode.Created
        );
        var cluster = Assert.Single(await ClustersOfAsync(last.Summary.Id), c => c.Kind == RepeatClusterKind.Party && c.IncidentCount == 3);

        var opened = await ApiAssert.OkAsync<JsonElement>(
            await officer.PostAsJsonAsync($"/api/v1/incidents/clusters/{cluster.Id}/dispute", new { }),
            HttpStatusCode.Created
        );
        var parties = opened
            .GetProperty("parties")
            .EnumerateArray()
            .ToDictionary(
                p => p.GetProperty("displayName").GetString() ?? "",
                p =>
                    (
                        Role: p.GetProperty("role").GetString(),
                        Resident: p.GetProperty("residentId").ValueKind == JsonValueKind.Null
                            ? (Guid?)null
                            : p.GetProperty("residentId").GetGuid()
                    )
            );
        // Each person once, the witness left out, the caller whose phone is a named party's not added again.
        Assert.Equal(new[] { "周海涛", "报警人", "郑丽" }, parties.Keys.Order().ToArray());
        Assert.Equal(("Applicant", (Guid?)residentId), parties["周海涛"]);
        Assert.Equal(("Respondent", (Guid?)null), parties["郑丽"]);
    }
}
