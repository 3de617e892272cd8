using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Benchmark.Web.Infrastructure.Pdf;

/// <summary>
/// The few Chrome DevTools Protocol calls a print needs, over the browser's loopback WebSocket: open a tab, load a
/// page, wait for its load event, print it to PDF. Commands are sent one at a time; the events met while waiting for
/// an answer are kept, so a load event that arrives before the navigation's own answer is not missed.
/// </summary>
internal sealed class DevToolsSession(ClientWebSocket socket) : IDisposable
{
    private readonly List<JsonObject> _events = [];
    private int _lastId;

    public static async Task<DevToolsSession> ConnectAsync(Uri browser, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(browser, cancellationToken);
        return new DevToolsSession(socket);
    }

    /// <summary>Loads <paramref name="url"/> in a new tab and prints it with the page's own CSS page size (A4 here).</summary>
    public async Task<byte[]> PrintAsync(Uri url, CancellationToken cancellationToken)
    {
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, cancellationToken);
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, null, cancellationToken);
        var session = attached["sessionId"]!.GetValue<string>();
        await SendAsync("Page.enable", [], session, cancellationToken);
        var navigated = await SendAsync("Page.navigate", new JsonObject { ["url"] = url.AbsoluteUri }, session, cancellationToken);
        if (navigated["errorText"] is { } failed)
        {
            throw new InvalidOperationException($"The page did not load: {failed}");
        }

        await EventAsync("Page.loadEventFired", session, cancellationToken);
        var printed = await SendAsync("Page.printToPDF", new JsonObject
        {
            ["preferCSSPageSize"] = true, ["printBackground"] = true, ["displayHeaderFooter"] = false,
        }, session, cancellationToken);
        return Convert.FromBase64String(printed["data"]!.GetValue<string>());
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject parameters, string? session, CancellationToken cancellationToken)
    {
        var id = ++_lastId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (session is not null)
        {
            message["sessionId"] = session;
        }

        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, cancellationToken);
        while (true)
        {
            var received = await ReceiveAsync(cancellationToken);
            if (received["id"]?.GetValue<int>() == id)
            {
                return received["error"] is { } error
                    ? throw new InvalidOperationException($"DevTools {method}: {error.ToJsonString()}")
                    : received["result"]?.AsObject() ?? [];
            }

            if (received["method"] is not null)
            {
                _events.Add(received);
            }
        }
    }

    private async Task EventAsync(string method, string session, CancellationToken cancellationToken)
    {
        bool Matches(JsonObject e) => e["method"]?.GetValue<string>() == method && e["sessionId"]?.GetValue<string>() == session;
        while (!_events.Any(Matches))
        {
            var received = await ReceiveAsync(cancellationToken);
            if (received["method"] is not null)
            {
                _events.Add(received);
            }
        }
    }

    private async Task<JsonObject> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(chunk, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("The browser closed the DevTools connection.");
            }

            buffer.Write(chunk, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return JsonNode.Parse(buffer.ToArray())?.AsObject() ?? throw new InvalidOperationException("An empty DevTools message.");
    }

    public void Dispose() => socket.Dispose();
}
