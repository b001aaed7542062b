using Lianxin.Core.Common;

namespace Lianxin.Core.Organization;

/// <summary>On update, a null <see cref="Phone"/> leaves the stored number as it is and an empty one clears it: screens
/// only ever hold the masked number, so they cannot send it back.</summary>
public sealed record MemberInput(
    string? Name,
    MemberKind? Kind,
    Gender? Gender,
    Guid? OrgUnitId,
    string? Phone,
    string? Organization,
    List<string>? Skills,
    List<Guid>? ServedUnitIds,
    bool IsActive = true,
    string? Note = null,
    long? Version = null
);
