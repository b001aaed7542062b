using System.Security.Claims;
using Lianxin.Core.Common;
using Lianxin.Core.Organization;
using Lianxin.Web.Access;

namespace Lianxin.Web.Components.Shared;

/// <summary>Org-unit look-ups for dialogs, which run outside a <see cref="StaffPage"/> but must still act as
/// the signed-in user so the data scope applies.</summary>
public static class UnitLookup
{
    public static async Task<IEnumerable<OrgUnitSummary>> SearchAsync(
        IServiceScopeFactory scopes,
        ClaimsPrincipal user,
        string text,
        CancellationToken ct
    )
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(user, null);
        try
        {
            return (
                await scope
                    .ServiceProvider.GetRequiredService<OrgUnitService>()
                    .SearchAsync(text, null, null, false, new PageRequest(1, 20), ct)
            ).Items;
        }
        catch (DomainException)
        {
            return [];
        }
    }

    /// <summary>Names for stored unit ids; an id the user can no longer see shows as such rather than vanishing.</summary>
    public static async Task<List<UnitRef>> NamesAsync(IServiceScopeFactory scopes, ClaimsPrincipal user, IEnumerable<Guid> ids)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(user, null);
        // One query for all of them (a member may serve dozens of villages), not a detail load per unit.
        var names = await scope.ServiceProvider.GetRequiredService<OrgUnitService>().NamesAsync(ids);
        return ids.Distinct().Select(id => new UnitRef(id, names.TryGetValue(id, out var n) ? n : "（无权查看或已删除的单位）")).ToList();
    }

    public static string Describe(OrgUnitSummary? u) => u is null ? "" : $"{u.Name}（{u.KindLabel}）";
}
