using System.Security.Claims;
using Lianxin.Core.Common;
using Lianxin.Core.Organization;
using Lianxin.Web.Access;

namespace Lianxin.Web.Components.Shared;

public sealed record UnitRef(Guid Id, string Name);

/// <summary>Org-unit look-ups for dialogs, which run outside a <see cref="StaffPage"/> but must still act as
/// the signed-in user so the data scope applies.</summary>
public static class UnitLookup
{
    public static async Task<IEnumerable<OrgUnitSummary>> SearchAsync(IServiceScopeFactory scopes, ClaimsPrincipal user, string text,
        CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(user, null);
        try { return (await scope.ServiceProvider.GetRequiredService<OrgUnitService>().SearchAsync(text, null, null, false, new PageRequest(1, 20), ct)).Items; }
        catch (DomainException) { return []; }
    }

    /// <summary>Names for stored unit ids; an id the user can no longer see shows as such rather than vanishing.</summary>
    public static async Task<List<UnitRef>> NamesAsync(IServiceScopeFactory scopes, ClaimsPrincipal user, IEnumerable<Guid> ids)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(user, null);
        var units = scope.ServiceProvider.GetRequiredService<OrgUnitService>();
        var result = new List<UnitRef>();
        foreach (var id in ids.Distinct())
        {
            try { result.Add(new UnitRef(id, (await units.GetAsync(id)).Name)); }
            catch (DomainException) { result.Add(new UnitRef(id, "（无权查看或已删除的单位）")); }
        }
        return result;
    }

    public static string Describe(OrgUnitSummary? u) => u is null ? "" : $"{u.Name}（{u.KindLabel}）";
}
