using System.Diagnostics;
using System.Text.Json;

namespace NeuroNav.TestKit.Clients;

/// <summary>
/// Python's HTTP clients as a notebook uses them, run against a URL of a server the test started: <c>requests</c>
/// (<c>requests.get(url).json()</c>) and <c>pandas</c> (<c>pandas.read_json(url)</c>, which reads a URL with urllib and
/// decodes a gzip body itself). Debian's <c>python3-requests</c> and <c>python3-pandas</c> (<c>.ci/run</c> installs them);
/// where they are absent the tests say so and skip, unless <see cref="RequireVariable"/> is 1 (CI), where they fail.
/// </summary>
public static class PythonClients
{
    public const string RequireVariable = "NEURONAV_REQUIRE_PYTHON_CLIENTS";

    /// <summary>Debian's interpreter first (where apt puts the modules), then whatever <c>python3</c> is on the path.</summary>
    private static readonly string[] Interpreters = ["/usr/bin/python3", "python3"];

    private static readonly Lazy<Dictionary<string, string?>> Found = new(() => new(StringComparer.Ordinal)
    {
        ["requests"] = Find("requests"),
        ["pandas"] = Find("pandas"),
    });

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Why a test of <paramref name="module"/> is skipped here, or null when it runs (or must, under CI).</summary>
    public static string? SkipReason(string module) => Found.Value[module] is not null || Required
        ? null
        : $"no python3 here imports {module} (apt-get install python3-{module}); set {RequireVariable}=1 to make this a failure";

    /// <summary><c>requests.get(url)</c>: the status, the Content-Encoding it was sent, and <c>.json()</c> as JSON text.</summary>
    public static async Task<(int Status, string? Encoding, JsonElement Json)> RequestsGetJsonAsync(Uri url)
    {
        var output = await RunAsync("requests", """
            import json, sys, requests
            r = requests.get(sys.argv[1])
            print(json.dumps({"status": r.status_code, "encoding": r.headers.get("Content-Encoding"), "json": r.json()}))
            """, url.ToString());
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        return (root.GetProperty("status").GetInt32(), root.GetProperty("encoding").GetString(), root.GetProperty("json").Clone());
    }

    /// <summary>
    /// <c>pandas.read_json(url, typ="series")</c> of a neuron document (one object of mixed values: a series, not a
    /// frame): its model, layer and neuron, and the tokens of its first Neuroscope text.
    /// </summary>
    public static async Task<JsonElement> PandasReadNeuronAsync(Uri url)
    {
        var output = await RunAsync("pandas", """
            import json, sys, pandas as pd
            s = pd.read_json(sys.argv[1], typ="series")
            print(json.dumps({"model": s["model"], "layer": int(s["layer"]), "neuron": int(s["neuron"]),
                              "tokens": s["neuroscope"]["texts"][0]["tokens"]}))
            """, url.ToString());
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    /// <summary><c>pandas.read_json(url, typ="series")</c> of a layer index: its neurons as a frame, their ids in order.</summary>
    public static async Task<IReadOnlyList<int>> PandasReadLayerIndexAsync(Uri url)
    {
        var output = await RunAsync("pandas", """
            import json, sys, pandas as pd
            s = pd.read_json(sys.argv[1], typ="series")
            print(json.dumps([int(n) for n in pd.DataFrame(s["neurons"])["neuron"]]))
            """, url.ToString());
        return JsonSerializer.Deserialize<int[]>(output)!;
    }

    private static async Task<string> RunAsync(string module, string script, params string[] args)
    {
        var python = Found.Value[module] ?? throw new InvalidOperationException(
            $"{RequireVariable}=1 but no python3 here imports {module} (apt-get install python3-{module})");
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await stdout
            : throw new InvalidOperationException($"{python} ({module}) {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}");
    }

    private static string? Find(string module)
    {
        foreach (var python in Interpreters)
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(python, ["-c", $"import {module}"]) { RedirectStandardError = true, RedirectStandardOutput = true });
                process!.WaitForExit();
                if (process.ExitCode == 0)
                {
                    return python;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // no such interpreter
            }
        }

        return null;
    }
}
