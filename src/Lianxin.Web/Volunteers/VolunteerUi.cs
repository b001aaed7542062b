using System.Globalization;
using Lianxin.Core.Common;
using Lianxin.Core.Volunteers;
using MudBlazor;

namespace Lianxin.Web.Volunteers;

/// <summary>How volunteer values look on the staff pages, in one place so the registry, the record and the squads agree.</summary>
public static class VolunteerUi
{
    public static Color StatusColor(VolunteerStatus status) =>
        status switch
        {
            VolunteerStatus.Applicant => Color.Warning,
            VolunteerStatus.Active => Color.Success,
            VolunteerStatus.Suspended => Color.Error,
            _ => Color.Default,
        };

    public static string Gender(Gender g) =>
        g switch
        {
            Lianxin.Core.Common.Gender.Male => "男",
            Lianxin.Core.Common.Gender.Female => "女",
            _ => "",
        };

    public static string Day(DateTimeOffset? at) =>
        at is { } a ? ChinaTime.Day(a).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";

    public static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
