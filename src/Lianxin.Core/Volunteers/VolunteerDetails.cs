using Lianxin.Core.Common;

namespace Lianxin.Core.Volunteers;

/// <summary>Who a volunteer is and what they offer, as applied for or registered: the phone and ID number already
/// protected (<see cref="ProtectedText.Empty"/> when not given).</summary>
public sealed record VolunteerDetails(
    string Name,
    Gender Gender,
    ProtectedText Phone,
    ProtectedText IdNumber,
    Guid OrgUnitId,
    List<string> Skills,
    VolunteerAvailability Availability,
    string? Statement = null
);
