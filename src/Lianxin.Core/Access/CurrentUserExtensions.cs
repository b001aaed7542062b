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
}
