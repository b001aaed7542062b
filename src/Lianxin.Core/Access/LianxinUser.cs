using Microsoft.AspNetCore.Identity;

namespace Lianxin.Core.Access;

/// <summary>A sign-in account. Belongs to a unit (the anchor of its data scope) and may be linked to
/// the member record of the person who uses it.</summary>
public sealed class LianxinUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public Guid? OrgUnitId { get; set; }
    public Guid? MemberId { get; set; }
    public bool MustChangePassword { get; set; }
    public DateTimeOffset? PasswordChangedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public bool IsDisabled { get; set; }
}
