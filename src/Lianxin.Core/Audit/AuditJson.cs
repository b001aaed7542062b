using System.Text.Encodings.Web;
using System.Text.Json;

namespace Lianxin.Core.Audit;

internal static class AuditJson
{
    // Keep Chinese readable in the stored JSON; it is shown to auditors, never written into HTML raw.
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
