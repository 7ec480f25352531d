namespace NeuroNav.Cli;

/// <summary>Turns the first Ctrl+C into a cancellation that every stage observes; a second Ctrl+C kills the process.</summary>
public static class Cancellation
{
    public static CancellationTokenSource OnCtrlC()
    {
        var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            if (!cts.IsCancellationRequested)
            {
                e.Cancel = true;
                Console.Error.WriteLine("Stopping: finishing what is in flight and keeping everything fetched so far (Ctrl+C again to kill).");
                cts.Cancel();
            }
        };
        return cts;
    }
}
