using System.Globalization;
using Lianxin.Core.Access;
using Lianxin.Tests.Support;
using Lianxin.Web.Components.Layout;
using Lianxin.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Hosting;

/// <summary>Each feature registers its own menu links; together they must still make the one menu people know.</summary>
public sealed class NavigationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private IReadOnlyList<NavEntry> Entries => app.Factory.Services.GetServices<NavEntry>().ToList();
    private IReadOnlyList<NavGroup> Groups => app.Factory.Services.GetServices<NavGroup>().ToList();

    /// <summary>The menu as drawn: top-level links and folds by order, a fold's links by order inside it.</summary>
    private IEnumerable<string> Drawn() =>
        Groups
            .Select(g => (g.Order, Items: Entries.Where(e => e.Group == g.Id).OrderBy(e => e.Order).Select(e => $"{g.Id}>{e.Href}")))
            .Concat(Entries.Where(e => e.Group is null).Select(e => (e.Order, Items: (IEnumerable<string>)[e.Href])))
            .OrderBy(x => x.Order)
            .SelectMany(x => x.Items);

    [Fact]
    public void The_features_links_make_the_menu_in_its_order()
    {
        string[] expected =
        [
            "/",
            "/places",
            "/members",
            "/residents",
            "/disputes",
            "/disputes/figures",
            "/incidents",
            "/incidents/statistics",
            "/incidents/cases",
            "incident-repeats>/incidents/clusters",
            "incident-repeats>/incidents/focus",
            "incident-repeats>/incidents/directives",
            "incident-repeats>/incidents/lookbacks",
            "/incidents/import",
            "volunteers>/volunteers",
            "volunteers>/volunteers/squads",
            "volunteers>/volunteers/activities",
            "volunteers>/volunteers/feed",
            "volunteers>/volunteers/tips",
            "volunteers>/volunteers/trainings",
            "volunteers>/volunteers/ranking",
            "volunteers>/volunteers/figures",
            "/notifications",
            "/dictionaries",
            "/disputes/forces",
            "/admin/users",
            "/admin/roles",
            "/audit",
            "/api/docs",
        ];
        Assert.Equal(expected, Drawn());
        Assert.Equal(Entries.Count, Entries.Select(e => e.Href).Distinct().Count());
        Assert.Equal(
            Groups.Count + Entries.Count(e => e.Group is null),
            Groups.Select(g => g.Order).Concat(Entries.Where(e => e.Group is null).Select(e => e.Order)).Distinct().Count()
        );
    }

    [Fact]
    public void Links_keep_their_permissions()
    {
        var byHref = Entries.ToDictionary(e => e.Href);
        Assert.Null(byHref["/"].Permission);
        Assert.True(byHref["/"].MatchAll);
        Assert.Null(byHref["/notifications"].Permission);
        Assert.Equal(Permissions.DictionariesManage, byHref["/disputes/forces"].Permission);
        Assert.Equal(Permissions.IncidentsRegister, byHref["/incidents/import"].Permission);
        // The tips link sits in the volunteers' fold (volunteers.read) and asks for tips.handle besides.
        Assert.Equal(Permissions.TipsHandle, byHref["/volunteers/tips"].Permission);
        Assert.Equal(Permissions.VolunteersRead, Groups.Single(g => g.Id == byHref["/volunteers/tips"].Group).Permission);
        Assert.Equal("_blank", byHref["/api/docs"].Target);
    }

    [Fact]
    public void Every_label_is_in_both_languages()
    {
        var keys = Entries.Select(e => e.LabelKey).Concat(Groups.Select(g => g.LabelKey)).ToList();
        foreach (var culture in new[] { CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("en") })
        {
            var all = ScreenText.All(culture).Where(x => !string.IsNullOrEmpty(x.Value)).Select(x => x.Key).ToHashSet();
            var missing = keys.Where(k => !all.Contains(k)).Select(k => $"{culture.Name}:{k}").ToList();
            Assert.Empty(missing);
        }
    }

    [Theory]
    [InlineData("month", "2026-05-01", "2026-05-17")]
    [InlineData("quarter", "2026-04-01", "2026-05-17")]
    [InlineData("year", "2026-01-01", "2026-05-17")]
    [InlineData("last-year", "2025-01-01", "2025-12-31")]
    public void The_period_picker_reads_quick_picks_as_days(string pick, string from, string to)
    {
        var today = new DateOnly(2026, 5, 17);
        Assert.Equal(
            (DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture)),
            PeriodPicker.Range(pick, today)
        );
    }
}
