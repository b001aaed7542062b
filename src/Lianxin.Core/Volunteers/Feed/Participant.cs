using Lianxin.Core.Data;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Volunteers.Feed;

/// <summary>Who a phone user is for the feed and tips: their account's name and unit, and their volunteer record
/// when they are an active volunteer. Decided from their own records, not from staff permissions.</summary>
public sealed record Participant(
    string UserId,
    string DisplayName,
    Guid? AccountUnitId,
    Guid? VolunteerId,
    string? VolunteerName,
    Guid? VolunteerUnitId
)
{
    public bool IsActiveVolunteer => VolunteerId is not null;

    /// <summary>The unit whose station tree the person belongs to: the volunteer's unit, else the account's.</summary>
    public Guid? HomeUnitId => VolunteerUnitId ?? AccountUnitId;

    public string ShownName => VolunteerName ?? DisplayName;

    public static async Task<Participant?> LoadAsync(LianxinDbContext db, string? userId, CancellationToken ct)
    {
        if (userId is null)
            return null;
        var account = await db
            .Users.AsNoTracking()
            .Where(u => u.Id == userId && !u.IsDisabled)
            .Select(u => new
            {
                u.DisplayName,
                u.UserName,
                u.OrgUnitId,
            })
            .FirstOrDefaultAsync(ct);
        if (account is null)
            return null;
        var v = await db
            .Volunteers.AsNoTracking()
            .Where(x => x.UserId == userId && x.Status == VolunteerStatus.Active)
            .Select(x => new
            {
                x.Id,
                x.Name,
                x.OrgUnitId,
            })
            .FirstOrDefaultAsync(ct);
        var name = string.IsNullOrWhiteSpace(account.DisplayName) ? account.UserName ?? "" : account.DisplayName;
        return new Participant(userId, name, account.OrgUnitId, v?.Id, v?.Name, v?.OrgUnitId);
    }

    /// <summary>The station tree around a unit: the paths of the unit's ancestors (whose posts reach down to it)
    /// and the path of its station (everything below which is shared). A unit outside any station is its own tree.</summary>
    public static async Task<(List<string> Ancestors, string TreePath)?> TreeAsync(LianxinDbContext db, Guid? unitId, CancellationToken ct)
    {
        if (unitId is null)
            return null;
        var path = await db.OrgUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(ct);
        if (path is null)
            return null;
        var ids = OrgUnit.ChainOf(path);
        var units = await db
            .OrgUnits.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new
            {
                u.Id,
                u.Path,
                u.Kind,
            })
            .ToListAsync(ct);
        var station = units.Where(u => u.Kind == OrgUnitKind.Station).Select(u => u.Path).FirstOrDefault() ?? path;
        return (units.Select(u => u.Path).ToList(), station);
    }
}
