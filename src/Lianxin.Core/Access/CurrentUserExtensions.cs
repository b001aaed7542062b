using Lianxin.Core.Common;

namespace Lianxin.Core.Access;

public static class CurrentUserExtensions
{
    /// <summary>Refuses with 403 unless the user holds the permission; services call it even where the
    /// endpoint already checked, since pages call services directly.</summary>
    public static void Demand(this ICurrentUser user, string permission)
    {
        if (!user.Has(permission))
            throw new ForbiddenException();
    }

    /// <summary>The one check before personal data is shown in clear (an ID number, a phone, a name a record keeps
    /// encrypted, a tip's sender), on top of the feature's own permission: <see cref="Permissions.PeopleReveal"/>.
    /// Every reveal asks it, so holding a feature's right never includes seeing the people behind its records.</summary>
    public static void DemandReveal(this ICurrentUser user) => user.Demand(Permissions.PeopleReveal);

    /// <summary>Whether <see cref="DemandReveal"/> would let the user through (to offer the reveal at all).</summary>
    public static bool CanReveal(this ICurrentUser user) => user.Has(Permissions.PeopleReveal);
}
