using System.Text;
using Microsoft.Extensions.Options;

namespace Lianxin.Web.Notifications;

/// <summary>Posts the payload as JSON to the configured URL; any non-2xx answer is a failure to retry.</summary>
public sealed class WebhookChannel(IHttpClientFactory clients, IOptionsMonitor<OutboxOptions> options) : IOutboxChannel
{
    public const string HttpClientName = "outbox-webhook";
    public string Name => "webhook";

    public const string MessageIdHeader = "X-Lianxin-Message-Id";

    public async Task SendAsync(Guid messageId, string payload, CancellationToken ct)
    {
        var url = options.CurrentValue.WebhookUrl;
        if (string.IsNullOrWhiteSpace(url))
            throw new InvalidOperationException("Outbox:WebhookUrl is not configured");
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(MessageIdHeader, messageId.ToString());
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"webhook answered {(int)response.StatusCode}");
    }
}
