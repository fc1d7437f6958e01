using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using NewsAggregator.Core.Configuration;

namespace NewsAggregator.Core.Fetching;

/// <summary>
/// Downloads one feed with a conditional GET (ARCHITECTURE step 2). Network and HTTP problems never throw: they come
/// back as a failed <see cref="FetchResult"/> with a kind and a reason. Only cancellation of the caller's token throws.
/// </summary>
public sealed class FeedFetcher : IDisposable
{
    private const string AcceptFeeds =
        "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, " +
        "application/json;q=0.8, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1";

    // Below the large object heap threshold, so a refused bomb leaves no LOH garbage behind.
    private const int SegmentSize = 64 * 1024;

    private readonly FetchOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<FeedFetcher> _logger;
    private readonly AddressPolicy _policy;
    private readonly Action<IPEndPoint>? _onConnecting;
    private readonly HttpClient _http;
    private readonly string _userAgent;
    private readonly TimeSpan _deadline;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hostSlots = new(StringComparer.Ordinal);

    public FeedFetcher(FetchOptions options, TimeProvider time, ILogger<FeedFetcher> logger)
        : this(options, time, logger, onConnecting: null)
    {
    }

    /// <param name="onConnecting">Test hook: sees every endpoint just before a socket connects to it.</param>
    internal FeedFetcher(FetchOptions options, TimeProvider time, ILogger<FeedFetcher> logger, Action<IPEndPoint>? onConnecting)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        Validate(options);
        _options = options;
        _time = time;
        _logger = logger;
        _onConnecting = onConnecting;
        _policy = new AddressPolicy(options);
        _userAgent = options.BuildUserAgent();
        _deadline = TimeSpan.FromSeconds(options.TimeoutSeconds);

        var handler = new SocketsHttpHandler
        {
            // Redirects are followed by hand so that every hop is checked and counted.
            AllowAutoRedirect = false,
            // Decompressed here, so that the byte cap counts decompressed bytes.
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            // A proxy would receive the connection instead of the checked address and defeat the SSRF policy.
            UseProxy = false,
            // DNS changes of feed hosts are picked up without restarting the service.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            // Connection attempts outlive a cancelled request; this bounds the ones nobody waits for any more.
            ConnectTimeout = _deadline,
            ConnectCallback = ConnectAsync,
        };
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = _time.GetTimestamp();
        var trace = new Trace(request.Url);
        // The deadline runs only while the fetch holds a connection slot (FetchHopsAsync): time spent queued behind other
        // feeds of the same host is not this feed's slowness, and counting it made healthy feeds on a host with slow
        // neighbours fail as timeouts. Queueing has its own bound (WaitForSlotAsync).
        using var deadline = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);

        FetchResult result;
        try
        {
            result = await FetchHopsAsync(request, trace, deadline, linked.Token);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ct.IsCancellationRequested && IsFetchProblem(ex))
        {
            // The caller's cancellation may surface as an aborted read; the caller still sees a cancellation.
            throw new OperationCanceledException("fetch cancelled by the caller", ex, ct);
        }
        catch (Exception ex) when (deadline.IsCancellationRequested && IsFetchProblem(ex))
        {
            result = trace.Fail(FetchFailureKind.Timeout,
                $"timed out after {_options.TimeoutSeconds} s (Fetch:TimeoutSeconds) while fetching {trace.Current}");
        }
        catch (Exception ex) when (IsFetchProblem(ex))
        {
            result = FailFromException(trace, ex);
        }

        result = result with { Elapsed = _time.GetElapsedTime(started) };
        Log(result);
        return result;
    }

    public void Dispose()
    {
        _http.Dispose();
        foreach (var slot in _hostSlots.Values)
            slot.Dispose();
    }

    private async Task<FetchResult> FetchHopsAsync(FetchRequest request, Trace trace, CancellationTokenSource deadline, CancellationToken token)
    {
        // What is left of Fetch:TimeoutSeconds: it runs only while a hop holds a connection slot.
        var budget = _deadline;
        if (!IsHttp(request.Url))
            return trace.Fail(FetchFailureKind.InvalidUrl, $"invalid URL {request.Url}: only absolute http and https URLs are fetched");

        var redirects = 0;
        while (true)
        {
            var url = trace.Current;
            if (PreCheckHost(url) is { } refusal)
                return trace.Fail(FetchFailureKind.RefusedAddress, refusal);

            var host = url.IdnHost.ToLowerInvariant();
            var slot = _hostSlots.GetOrAdd(host, _ => new SemaphoreSlim(_options.MaxConcurrentPerHost));
            if (!await WaitForSlotAsync(slot, token))
            {
                // By then every fetch that held a slot when this one began to wait has met its deadline: try again then.
                return trace.Fail(FetchFailureKind.HostBusy,
                    $"waited {_options.TimeoutSeconds} s (Fetch:TimeoutSeconds) for a connection to {url.Authority}: all {_options.MaxConcurrentPerHost} (Fetch:MaxConcurrentPerHost) were busy with other feeds of that host; nothing was requested") with
                {
                    RetryAfter = _deadline,
                };
            }
            var held = _time.GetTimestamp();
            deadline.CancelAfter(budget > TimeSpan.Zero ? budget : TimeSpan.Zero);
            try
            {
                using var message = BuildRequest(url, request);
                using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token);
                var status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308)
                {
                    var location = response.Headers.Location;
                    if (location is null)
                        return trace.Fail(FetchFailureKind.ProtocolError, $"HTTP {status} from {url} without a usable Location header", status);
                    var next = location.IsAbsoluteUri ? location : new Uri(url, location);
                    if (!IsHttp(next))
                        return trace.Fail(FetchFailureKind.InvalidUrl, $"redirect from {url} to {next}: only http and https URLs are followed", status);
                    if (redirects >= _options.MaxRedirects)
                        return trace.Fail(FetchFailureKind.TooManyRedirects, $"more than {_options.MaxRedirects} redirects (Fetch:MaxRedirects) from {request.Url}; last hop {url} -> {next}", status);
                    if (!trace.Visit(next, permanent: status is 301 or 308))
                        return trace.Fail(FetchFailureKind.RedirectLoop, $"redirect loop: {url} -> {next}, which was already visited", status);
                    redirects++;
                    continue;
                }
                return await ReadFinalAsync(request, trace, response, token);
            }
            finally
            {
                // Stopped while the next hop queues for its host (a redirect to a busy feed proxy): queueing is bounded
                // on its own and is not this feed's slowness.
                deadline.CancelAfter(Timeout.InfiniteTimeSpan);
                budget -= _time.GetElapsedTime(held);
                slot.Release();
            }
        }
    }

    /// <summary>
    /// Waits for one of the host's connection slots, at most Fetch:TimeoutSeconds; false when they stayed busy that
    /// long. The bound keeps a host whose feeds are all slow from holding poll slots of the whole service: its queued
    /// feeds are put off (HostBusy) instead of waiting behind each other.
    /// </summary>
    private async Task<bool> WaitForSlotAsync(SemaphoreSlim slot, CancellationToken token)
    {
        using var queued = new CancellationTokenSource(_deadline, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, queued.Token);
        try
        {
            await slot.WaitAsync(linked.Token);
            return true;
        }
        catch (OperationCanceledException) when (queued.IsCancellationRequested && !token.IsCancellationRequested)
        {
            return false;
        }
    }

    private HttpRequestMessage BuildRequest(Uri url, FetchRequest request)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, url);
        var headers = message.Headers;
        headers.TryAddWithoutValidation("User-Agent", _userAgent);
        headers.TryAddWithoutValidation("Accept", AcceptFeeds);
        headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip, deflate");
        // Validators go back exactly as received: servers compare them as opaque strings, W/ and quotes included.
        if (!string.IsNullOrEmpty(request.ETag))
            headers.TryAddWithoutValidation("If-None-Match", request.ETag);
        if (!string.IsNullOrEmpty(request.LastModified))
            headers.TryAddWithoutValidation("If-Modified-Since", request.LastModified);
        return message;
    }

    private async Task<FetchResult> ReadFinalAsync(FetchRequest request, Trace trace, HttpResponseMessage response, CancellationToken token)
    {
        var status = (int)response.StatusCode;
        var etag = FirstRaw(response.Headers.NonValidated, "ETag");
        var lastModified = FirstRaw(response.Content.Headers.NonValidated, "Last-Modified");
        var contentType = FirstRaw(response.Content.Headers.NonValidated, "Content-Type");
        var retryAfter = ParseRetryAfter(FirstRaw(response.Headers.NonValidated, "Retry-After"));
        var result = trace.Result(FetchOutcome.Failed, status) with
        {
            ContentType = contentType,
            ETag = etag,
            LastModified = lastModified,
            RetryAfter = retryAfter,
        };

        if (status == 304)
        {
            // A 304 may omit validators; the ones we sent stay valid then.
            return result with
            {
                Outcome = FetchOutcome.NotModified,
                ETag = etag ?? request.ETag,
                LastModified = lastModified ?? request.LastModified,
                BodyHash = request.LastBodyHash,
            };
        }

        if (status is < 200 or > 299)
        {
            var (kind, what) = status switch
            {
                404 or 410 => (FetchFailureKind.NotFound, "feed not found"),
                429 => (FetchFailureKind.RateLimited, "rate limited"),
                503 when retryAfter is not null => (FetchFailureKind.RateLimited, "service unavailable, asked to retry later"),
                >= 500 and <= 599 => (FetchFailureKind.ServerError, "server error"),
                >= 400 and <= 499 => (FetchFailureKind.ClientError, "request refused"),
                _ => (FetchFailureKind.ProtocolError, "unexpected status"),
            };
            var wait = retryAfter is { } r ? $", Retry-After {r.TotalSeconds:0} s" : "";
            return result with { Failure = kind, Error = $"HTTP {status} {response.ReasonPhrase} from {trace.Current}: {what}{wait}" };
        }

        var encodings = response.Content.Headers.NonValidated.TryGetValues("Content-Encoding", out var encodingValues)
            ? encodingValues.ToList()
            : [];
        var cap = _options.MaxBodyBytes;
        if (encodings.Count == 0 && response.Content.Headers.ContentLength is { } length && length > cap)
            return result with { Failure = FetchFailureKind.TooLarge, Error = TooLargeMessage(trace.Current, $"Content-Length {length}") };

        var raw = await response.Content.ReadAsStreamAsync(token);
        var (decoded, unsupported) = await ContentDecoding.DecodeAsync(raw, encodings, token);
        if (decoded is null)
        {
            await raw.DisposeAsync();
            return result with { Failure = FetchFailureKind.ProtocolError, Error = $"unsupported Content-Encoding \"{unsupported}\" from {trace.Current}" };
        }

        await using (decoded)
        {
            var (body, hash) = await ReadCappedAsync(decoded, cap, token);
            if (body is null)
                return result with { Failure = FetchFailureKind.TooLarge, Error = TooLargeMessage(trace.Current, "decompressed body") };
            if (request.LastBodyHash is not null && string.Equals(hash, request.LastBodyHash, StringComparison.OrdinalIgnoreCase))
                return result with { Outcome = FetchOutcome.Unchanged, BodyHash = hash, BodyBytes = body.Length };
            return result with { Outcome = FetchOutcome.Fetched, Body = body, BodyHash = hash, BodyBytes = body.Length };
        }
    }

    private string TooLargeMessage(Uri url, string what) =>
        $"body of {url} too large: {what} exceeds {_options.MaxBodyBytes} bytes (Fetch:MaxBodyBytes)";

    /// <summary>
    /// Reads at most <paramref name="cap"/> bytes in fixed segments (no doubling buffer) and hashes them on the way;
    /// returns a null body as soon as one byte more arrives, so memory stays at cap plus one segment.
    /// </summary>
    private static async Task<(byte[]? Body, string Hash)> ReadCappedAsync(Stream source, long cap, CancellationToken token)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var segments = new List<byte[]>();
        var current = new byte[SegmentSize];
        var used = 0;
        long total = 0;
        while (true)
        {
            var n = await source.ReadAsync(current.AsMemory(used), token);
            if (n == 0)
                break;
            total += n;
            if (total > cap)
                return (null, "");
            hash.AppendData(current, used, n);
            used += n;
            if (used == current.Length)
            {
                segments.Add(current);
                current = new byte[SegmentSize];
                used = 0;
            }
        }

        var body = new byte[total];
        var offset = 0;
        foreach (var segment in segments)
        {
            segment.CopyTo(body, offset);
            offset += segment.Length;
        }
        current.AsSpan(0, used).CopyTo(body.AsSpan(offset));
        return (body, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Retry-After is either delta-seconds or an HTTP date; a date in the past means "now".</summary>
    internal TimeSpan? ParseRetryAfter(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        value = value.Trim();
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.FromDays(365).TotalSeconds));
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            var delay = date - _time.GetUtcNow();
            return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
        }
        return null;
    }

    /// <summary>IP literals and metadata names are refused before any request, so nothing is even attempted.</summary>
    private string? PreCheckHost(Uri url) => _policy.CheckUrl(url);

    /// <summary>
    /// Resolves the host once, checks every address, then connects to a checked address: a second lookup by the
    /// socket could be answered differently (DNS rebinding). Every hop of a redirect chain comes through here.
    /// </summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var port = context.DnsEndPoint.Port;
        if (_policy.CheckHostName(host, port) is { } nameRefusal)
            throw new RefusedAddressException(nameRefusal);

        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, ct);
        if (addresses.Length == 0)
            throw new SocketException((int)SocketError.HostNotFound);
        foreach (var address in addresses)
        {
            if (_policy.CheckAddress(host, port, address) is { } refusal)
                throw new RefusedAddressException(refusal);
        }

        Exception? last = null;
        foreach (var address in addresses)
        {
            var endpoint = new IPEndPoint(address, port);
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                _onConnecting?.Invoke(endpoint);
                await socket.ConnectAsync(endpoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }

    private static FetchResult FailFromException(Trace trace, Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is RefusedAddressException refused)
                return trace.Fail(FetchFailureKind.RefusedAddress, refused.Message);
        }

        var url = trace.Current;
        var detail = Innermost(ex).Message;
        return ex switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } =>
                trace.Fail(FetchFailureKind.DnsFailure, $"DNS lookup of {url.IdnHost} failed: {detail}"),
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } =>
                trace.Fail(FetchFailureKind.ConnectFailure, $"could not connect to {url.IdnHost}:{url.Port}: {detail}"),
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } =>
                trace.Fail(FetchFailureKind.ProtocolError, $"TLS handshake with {url.IdnHost}:{url.Port} failed: {detail}"),
            InvalidDataException =>
                trace.Fail(FetchFailureKind.ProtocolError, $"broken compressed body from {url}: {detail}"),
            HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded } =>
                trace.Fail(FetchFailureKind.ProtocolError, $"body from {url} ended early: {detail}"),
            _ => trace.Fail(FetchFailureKind.ProtocolError, $"fetching {url} failed: {detail}"),
        };
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
            ex = ex.InnerException;
        return ex;
    }

    // The failures a network fetch can produce; anything else is a bug and is left to surface.
    private static bool IsFetchProblem(Exception ex) =>
        ex is HttpRequestException or IOException or InvalidDataException or SocketException or OperationCanceledException or RefusedAddressException;

    private static bool IsHttp(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && !string.IsNullOrEmpty(url.Host);

    private static string? FirstRaw(HttpHeadersNonValidated headers, string name) =>
        headers.TryGetValues(name, out var values) && values.Count > 0 ? values.ToString() : null;

    private void Log(FetchResult result)
    {
        if (result.Failure == FetchFailureKind.RefusedAddress)
        {
            // A refused address may be an SSRF attempt through a feed URL or a redirect: worth an operator's look.
            _logger.LogWarning("Fetch of {Url} refused: {Error}", result.RequestedUrl, result.Error);
        }
        else if (result.IsFailure)
        {
            _logger.LogInformation("Fetch of {Url} failed: {Failure} {Error} after {ElapsedMs} ms",
                result.RequestedUrl, result.Failure, result.Error, (long)result.Elapsed.TotalMilliseconds);
        }
        else
        {
            _logger.LogDebug("Fetch of {Url}: {Outcome} {StatusCode} from {FinalUrl} in {ElapsedMs} ms",
                result.RequestedUrl, result.Outcome, result.StatusCode, result.FinalUrl, (long)result.Elapsed.TotalMilliseconds);
        }
    }

    private static void Validate(FetchOptions options)
    {
        if (options.TimeoutSeconds <= 0)
            throw new ArgumentException($"Fetch:TimeoutSeconds must be a positive number of seconds, got {options.TimeoutSeconds}", nameof(options));
        if (options.MaxBodyBytes <= 0)
            throw new ArgumentException($"Fetch:MaxBodyBytes must be positive, got {options.MaxBodyBytes}", nameof(options));
        if (options.MaxRedirects < 0)
            throw new ArgumentException($"Fetch:MaxRedirects must be 0 or more, got {options.MaxRedirects}", nameof(options));
        if (options.MaxConcurrentPerHost <= 0)
            throw new ArgumentException($"Fetch:MaxConcurrentPerHost must be 1 or more, got {options.MaxConcurrentPerHost}", nameof(options));
    }

    /// <summary>Where one fetch has got to along its redirect chain.</summary>
    private sealed class Trace(Uri requested)
    {
        private readonly HashSet<string> _visited = new(StringComparer.Ordinal) { requested.AbsoluteUri };
        private bool _allPermanent = true;
        private int _hops;

        public Uri Requested { get; } = requested;
        public Uri Current { get; private set; } = requested;

        /// <summary>Moves to the next hop; false when that URL was already part of the chain.</summary>
        public bool Visit(Uri next, bool permanent)
        {
            if (!_visited.Add(next.AbsoluteUri))
                return false;
            _allPermanent &= permanent;
            _hops++;
            Current = next;
            return true;
        }

        public FetchResult Result(FetchOutcome outcome, int? status) => new()
        {
            Outcome = outcome,
            RequestedUrl = Requested,
            FinalUrl = Current,
            StatusCode = status,
            PermanentRedirect = _hops > 0 && _allPermanent ? Current : null,
        };

        public FetchResult Fail(FetchFailureKind kind, string error, int? status = null) =>
            Result(FetchOutcome.Failed, status) with { Failure = kind, Error = error, PermanentRedirect = null };
    }
}
