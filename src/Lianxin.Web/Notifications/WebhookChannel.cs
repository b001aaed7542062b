using System.Text;
using Microsoft.Extensions.Options;

namespace Lianxin.Web.Notifications;

/// <summary>Posts the payload as JSON to the configured URL; any non-2xx answer is a failure to retry.</summary>
public sealed class WebhookChannel(IHttpClientFactory clients, IOptionsMonitor<OutboxOptions> options) : IOutboxChannel
{
    public const string HttpClientName = "outbox-webhook";
    public string Name => "webhook";

    public async Task SendAsync(string payload, CancellationToken ct)
    {
        var url = options.CurrentValue.WebhookUrl;
        if (string.IsNullOrWhiteSpace(url)) throw new InvalidOperationException("Outbox:WebhookUrl is not configured");
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        using var response = await clients.CreateClient(HttpClientName).PostAsync(url, content, ct);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"webhook answered {(int)response.StatusCode}");
    }
}
