using System.Diagnostics;
using System.Text;
using NeuroNav.TestKit;

namespace NeuroNav.EndToEnd.Tests.Crash;

/// <summary>
/// The real <c>neuronav</c> as a child process (<c>dotnet neuronav.dll</c>, copied beside the tests by the project
/// reference), started from the repository root so it finds the catalog and templates. Its output is collected.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _awaited = [];

    private CliProcess(Process process) => _process = process;

    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "neuronav.dll");

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static CliProcess Start(params string[] args) => Start(new Dictionary<string, string?>(), args);

    /// <summary>Starts the CLI with <paramref name="environment"/> set over the inherited one (a null value removes a variable).</summary>
    public static CliProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] args) => Start(environment, fromTerminal: false, args);

    /// <summary>
    /// Starts the CLI as a terminal would: with Ctrl+C (SIGINT) at its default disposition even when this test run
    /// inherited it ignored (a job started with <c>&amp;</c> from a script ignores it, and a child inherits that), so that
    /// the CLI's own handler is what a SIGINT reaches. The process is the same (exec), so <see cref="Id"/> is the CLI's.
    /// </summary>
    public static CliProcess StartFromTerminal(params string[] args) => Start(new Dictionary<string, string?>(), fromTerminal: true, args);

    private static CliProcess Start(IReadOnlyDictionary<string, string?> environment, bool fromTerminal, string[] args)
    {
        var info = new ProcessStartInfo(fromTerminal ? "python3" : "dotnet")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (fromTerminal)
        {
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])");
            info.ArgumentList.Add("dotnet");
        }

        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NO_COLOR"] = "1";
        // Workstation GC starts faster on a busy machine; output does not depend on it.
        info.Environment["DOTNET_gcServer"] = "0";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = info };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => cli.Append(e.Data);
        process.ErrorDataReceived += (_, e) => cli.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Runs to the end; returns the exit code.</summary>
    public static Task<(int Code, string Output)> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string?>(), args);

    /// <summary>Runs to the end with <paramref name="environment"/> set over the inherited one; returns the exit code.</summary>
    public static async Task<(int Code, string Output)> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var cli = Start(environment, args);
        var code = await cli.WaitAsync(TimeSpan.FromSeconds(60));
        return (code, cli.Output);
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>Completes when a line containing <paramref name="text"/> has been printed (on stdout or stderr).</summary>
    public Task PrintedAsync(string text)
    {
        lock (_output)
        {
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_output.ToString().Contains(text, StringComparison.Ordinal))
            {
                seen.SetResult();
            }
            else
            {
                _awaited.Add((text, seen));
            }

            return seen.Task;
        }
    }

    /// <summary>SIGKILL (no handler runs, no finally block), then waits for the process to be gone.</summary>
    public async Task<bool> KillAsync()
    {
        var wasRunning = !_process.HasExited;
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
        return wasRunning;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            foreach (var (text, seen) in _awaited.Where(a => line.Contains(a.Text, StringComparison.Ordinal)))
            {
                seen.TrySetResult();
            }
        }
    }
}
