using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Core.Incidents.Repeats;
using Lianxin.Core.Upkeep;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Incidents;

/// <summary>One problem, one group: incidents connected by an address, a phone or a party are one repeated-incident group
/// that lists the keys that joined it; old clusters (one per key) are merged into groups; a group already in a dispute asks
/// before a second one is opened and links the two; a dispute lists its incidents.</summary>
public abstract partial class RepeatTests
{
    /// <summary>A quarrel between flats 501 and 601: each flat's caller also calls from the other's door.</summary>
    private async Task<(List<Guid> Incidents, List<string> Numbers, string Estate)> QuarrelAsync()
    {
        var estate = Unique("金桂苑");
        var a = $"{estate}3号楼2单元501";
        var b = $"{estate}3号楼2单元601";
        var p1 = $"137{Random.Shared.Next(10000000, 99999999)}";
        var p2 = $"136{Random.Shared.Next(10000000, 99999999)}";
        var now = DateTimeOffset.UtcNow;
        var village = app.World.Villages[0].Id;
        var calls = new[]
        {
            new Call(a, p1, now.AddDays(-5)),
            new Call(b, p2, now.AddDays(-4)),
            new Call(a, p2, now.AddDays(-3)), // flat 601's caller at 501's door: same address as 1, same phone as 2
            new Call(b, p1, now.AddDays(-2)), // and the other way round
        };
        var incidents = new List<Guid>();
        var numbers = new List<string>();
        foreach (var call in calls)
        {
            var i = Assert.Single(await IntakeAsync(village, null, call));
            incidents.Add(i.Id);
            numbers.Add(i.Number);
        }
        return (incidents, numbers, estate);
    }

    [Fact]
    public async Task A_quarrel_between_two_flats_with_two_phones_and_two_addresses_is_one_group_listing_its_keys()
    {
        var (incidents, numbers, estate) = await QuarrelAsync();
        // Before groups: four clusters (each address, each phone). Now one group holds all four incidents.
        var groups = await app.Factory.WithDbAsync(db =>
            db.RepeatClusterMembers.Where(m => incidents.Contains(m.IncidentId)).Select(m => m.ClusterId).Distinct().ToListAsync()
        );
        var id = Assert.Single(groups);

        var officer = await app.As("officer1");
        var detail = await ApiAssert.OkAsync<JsonElement>(await officer.GetAsync($"/api/v1/incidents/clusters/{id}"));
        Assert.Equal(4, detail.GetProperty("summary").GetProperty("incidentCount").GetInt32());
        Assert.Equal(
            incidents.Order(),
            detail.GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Order()
        );
        var keys = detail.GetProperty("keys").EnumerateArray().ToList();
        Assert.Equal(4, keys.Count);
        Assert.Equal(2, keys.Count(k => k.GetProperty("kind").GetString() == "Address"));
        Assert.Equal(2, keys.Count(k => k.GetProperty("kind").GetString() == "Phone"));
        // Each key names the incident that brought it: the third call brought address 501 and phone 2, the fourth the rest.
        Assert.All(keys, k => Assert.Contains(k.GetProperty("incidentNumber").GetString(), numbers));
        Assert.Equal(2, keys.Count(k => k.GetProperty("incidentId").GetGuid() == incidents[3]));
        Assert.Contains(keys, k => k.GetProperty("label").GetString()!.Contains("601"));
        Assert.All(detail.GetProperty("incidents").EnumerateArray(), i =>
            Assert.False(string.IsNullOrEmpty(i.GetProperty("joinedBy").GetString()))
        );

        // The list shows the group once, with the kinds of key that joined it.
        var list = await ApiAssert.OkAsync<JsonElement>(
            await officer.GetAsync($"/api/v1/incidents/clusters?q={Uri.EscapeDataString(estate)}")
        );
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("同一地址、同一报警电话", row.GetProperty("kindLabel").GetString());
    }

    [Fact]
    public async Task The_notice_says_which_call_it_is_and_what_joined_it_once_per_call()
    {
        var (_, numbers, _) = await QuarrelAsync();
        var officer = app.World.UserIds["officer1"];
        var bodies = await app.Factory.WithDbAsync(db =>
            db.Notifications.Where(n => n.UserId == officer && n.Title.StartsWith("重复警情")).Select(n => n.Body!).ToListAsync()
        );
        // The first two calls share nothing; the third repeats both (address of the first, phone of the second).
        Assert.DoesNotContain(bodies, b => b.Contains(numbers[0]) || b.Contains(numbers[1]));
        var third = Assert.Single(bodies, b => b.Contains(numbers[2]));
        Assert.Contains("第 3 次，同一地址、同一报警电话", third);
        var fourth = Assert.Single(bodies, b => b.Contains(numbers[3]));
        Assert.Contains("第 4 次，同一地址、同一报警电话", fourth);
    }

    [Fact]
    public async Task Clusters_stored_before_groups_are_merged_into_one_group_with_their_keys_and_notes()
    {
        var now = DateTimeOffset.UtcNow;
        var village = app.World.Villages[0].Id;
        var ids = new List<Guid>();
        foreach (var day in new[] { -6, -5, -4 })
            ids.Add(Assert.Single(await IntakeAsync(village, null, new Call(Unique("旧簇村") + "号", null, now.AddDays(day)))).Id);
        var addressKey = Unique("old-address-");
        var phoneKey = Unique("old-phone-");
        var (x, y) = await app.Factory.WithDbAsync(async db =>
        {
            // The shape clusters had before groups: one per key, no key rows, members without the key they joined by.
            var byAddress = RepeatCluster.Open(
                RepeatClusterKind.Address,
                addressKey,
                "旧簇村1号",
                village,
                "dispute",
                now.AddDays(-6),
                now.AddDays(-5)
            );
            var byPhone = RepeatCluster.Open(
                RepeatClusterKind.Phone,
                phoneKey,
                "报警电话 139****0000",
                village,
                "dispute",
                now.AddDays(-5),
                now.AddDays(-4)
            );
            byPhone.AddToFocus(app.World.UserIds["officer1"], now);
            db.RepeatClusters.AddRange(byAddress, byPhone);
            db.RepeatClusterMembers.AddRange(
                new RepeatClusterMember { ClusterId = byAddress.Id, IncidentId = ids[0] },
                new RepeatClusterMember { ClusterId = byAddress.Id, IncidentId = ids[1] },
                new RepeatClusterMember { ClusterId = byPhone.Id, IncidentId = ids[1] },
                new RepeatClusterMember { ClusterId = byPhone.Id, IncidentId = ids[2] }
            );
            db.FocusNotes.Add(
                new FocusNote
                {
                    ClusterId = byPhone.Id,
                    At = now,
                    ById = app.World.UserIds["officer1"],
                    ByName = "officer1",
                    Text = "旧簇的跟进记录",
                }
            );
            await db.SaveChangesAsync();
            return (byAddress.Id, byPhone.Id);
        });

        var result = await app.Factory.WithDbAsync(db => RepeatGroupUpkeep.RunAsync(db));
        Assert.True(result.GroupsMerged >= 1);

        var left = await app.Factory.WithDbAsync(db =>
            db.RepeatClusters.AsNoTracking()
                .Include(c => c.Members)
                .Include(c => c.Keys)
                .Include(c => c.Notes)
                .Where(c => c.Id == x || c.Id == y)
                .ToListAsync()
        );
        var group = Assert.Single(left);
        Assert.Equal(x, group.Id); // the older survives
        Assert.Equal(ids.Order(), group.Members.Select(m => m.IncidentId).Order());
        Assert.All(group.Members, m => Assert.NotNull(m.JoinedKey));
        Assert.Equal(3, group.IncidentCount);
        Assert.Equal(
            [(RepeatClusterKind.Address, addressKey, ids[0]), (RepeatClusterKind.Phone, phoneKey, ids[1])],
            group.Keys.OrderBy(k => k.Kind).Select(k => (k.Kind, k.Key, k.IncidentId))
        );
        Assert.True(group.OnFocusList);
        Assert.Contains(group.Notes, n => n.Text == "旧簇的跟进记录");

        // The app ran the merge at start-up (recorded, so later starts skip it); run again, nothing is left to do.
        var state = await app.Factory.WithDbAsync(db =>
            db.RollupStates.AsNoTracking().SingleAsync(s => s.Name == RepeatGroupUpkeep.StateName)
        );
        Assert.Equal(RepeatGroupUpkeep.Version, state.Version);
        var again = await app.Factory.WithDbAsync(db => RepeatGroupUpkeep.RunAsync(db));
        Assert.Equal((0, 0, 0), (again.KeysAdded, again.MembersFilled, again.GroupsMerged));
    }

    [Fact]
    public async Task A_second_dispute_for_the_same_incidents_needs_confirmation_and_is_linked_to_the_first()
    {
        var (incidents, numbers, _) = await QuarrelAsync();
        var id = await app.Factory.WithDbAsync(db =>
            db.RepeatClusterMembers.Where(m => m.IncidentId == incidents[0]).Select(m => m.ClusterId).SingleAsync()
        );
        var officer = await app.As("officer1");
        var url = $"/api/v1/incidents/clusters/{id}/dispute";
        var first = await ApiAssert.OkAsync<JsonElement>(await officer.PostAsJsonAsync(url, new { }), HttpStatusCode.Created);
        var firstId = first.GetProperty("summary").GetProperty("id").GetGuid();
        var firstNumber = first.GetProperty("summary").GetProperty("number").GetString()!;

        // The dispute lists and links its incidents, not only their text.
        Assert.Equal(numbers, first.GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("number").GetString()!));
        Assert.Equal(incidents, first.GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));

        // The group shows its dispute; opening another is refused until confirmed.
        var group = await ApiAssert.OkAsync<JsonElement>(await officer.GetAsync($"/api/v1/incidents/clusters/{id}"));
        var shown = Assert.Single(group.GetProperty("disputes").EnumerateArray());
        Assert.Equal(firstId, shown.GetProperty("id").GetGuid());
        var refused = await officer.PostAsJsonAsync(url, new { });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(firstNumber, await refused.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.Disputes.CountAsync(d => d.Id == firstId || d.RelatedDisputeId == firstId)));

        var second = await ApiAssert.OkAsync<JsonElement>(
            await officer.PostAsJsonAsync(url, new { confirmed = true }),
            HttpStatusCode.Created
        );
        var secondId = second.GetProperty("summary").GetProperty("id").GetGuid();
        Assert.NotEqual(firstId, secondId);
        var up = Assert.Single(second.GetProperty("related").EnumerateArray());
        Assert.Equal(firstId, up.GetProperty("id").GetGuid());
        Assert.True(up.GetProperty("earlier").GetBoolean());
        var firstAgain = await ApiAssert.OkAsync<JsonElement>(await officer.GetAsync($"/api/v1/disputes/{firstId}"));
        var down = Assert.Single(firstAgain.GetProperty("related").EnumerateArray());
        Assert.Equal(secondId, down.GetProperty("id").GetGuid());
        Assert.False(down.GetProperty("earlier").GetBoolean());
        // The incidents stay in the first dispute; the group now shows both.
        Assert.Equal(4, firstAgain.GetProperty("incidents").GetArrayLength());
        group = await ApiAssert.OkAsync<JsonElement>(await officer.GetAsync($"/api/v1/incidents/clusters/{id}"));
        Assert.Equal(
            new[] { firstId, secondId }.Order(),
            group.GetProperty("disputes").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).Order()
        );

        // Out of scope, the dispute's incidents are neither listed nor named.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("officer2")).GetAsync($"/api/v1/disputes/{firstId}")).StatusCode);
    }
}
