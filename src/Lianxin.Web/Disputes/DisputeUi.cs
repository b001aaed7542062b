using Lianxin.Core.Disputes;
using MudBlazor;

namespace Lianxin.Web.Disputes;

/// <summary>How dispute values look on the staff pages, kept in one place so the ledger and the
/// dispute page agree.</summary>
public static class DisputeUi
{
    /// <summary>Risk chips follow the grade colours people know: green, yellow, orange, red.</summary>
    public static string RiskStyle(DisputeRisk? risk) =>
        risk switch
        {
            DisputeRisk.Green => "background-color:#2e7d32;color:#fff",
            DisputeRisk.Yellow => "background-color:#fbc02d;color:#000",
            DisputeRisk.Orange => "background-color:#ef6c00;color:#fff",
            DisputeRisk.Red => "background-color:#c62828;color:#fff",
            _ => "",
        };

    public static Color StatusColor(DisputeStatus status) =>
        status switch
        {
            DisputeStatus.Registered or DisputeStatus.Triaged => Color.Info,
            DisputeStatus.Mediating => Color.Primary,
            DisputeStatus.Resolved or DisputeStatus.Closed => Color.Success,
            DisputeStatus.Failed => Color.Error,
            _ => Color.Default,
        };

    /// <summary>Steps offered as buttons at the top of the dispute page. Parties are edited in their own
    /// table; referring and the receiver's replies go through the referral panel and its transfer form.</summary>
    public static bool IsStepButton(DisputeAction action) =>
        action
            is not (
                DisputeAction.EditParties
                or DisputeAction.Refer
                or DisputeAction.AcknowledgeReferral
                or DisputeAction.RecordReferralResult
            );

    /// <summary>Steps that end or close a dispute ask for confirmation first.</summary>
    public static bool IsDestructive(DisputeAction action) => action is DisputeAction.Withdraw or DisputeAction.Fail or DisputeAction.Close;
}
