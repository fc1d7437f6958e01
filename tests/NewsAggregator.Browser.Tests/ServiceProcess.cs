using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsAggregator.Browser.Tests;

/// <summary>
/// The real executable on a free loopback port and a temporary database, started as an operator would start it
/// and killed at the end. Its output is kept for the failure message.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process, Uri address, string folder)
    {
        _process = process;
        Address = address;
        Folder = folder;
    }

    public Uri Address { get; }

    /// <summary>Temporary folder holding the database and whatever the test wrote for the service.</summary>
    public string Folder { get; }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>Starts <c>newsagg ARGS --urls http://127.0.0.1:PORT --Storage:Path=TMP/db</c> and waits for /healthz.</summary>
    public static async Task<ServiceProcess> StartAsync(string folder, params string[] args)
    {
        var port = FreePort();
        var (fileName, prefix) = RepoPaths.Executable;
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in prefix.Concat(args).Concat([$"--urls=http://127.0.0.1:{port}", $"--Storage:Path={Path.Combine(folder, "newsagg.db")}"]))
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var service = new ServiceProcess(process, new Uri($"http://127.0.0.1:{port}/"), folder);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = service.Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                    return service;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        var output = service.Output;
        await service.DisposeAsync();
        throw new InvalidOperationException($"newsagg did not answer /healthz within 60 s. Output:{Environment.NewLine}{output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
