namespace NeuroNav.Cli;

/// <summary>
/// The process's one cancellation: the first Ctrl+C cancels <see cref="Token"/>, which every command receives and
/// every stage observes; a second Ctrl+C kills the process. The handler is registered when a run starts and removed
/// when it ends.
/// </summary>
public sealed class Cancellation : IDisposable
{
    private readonly CancellationTokenSource _cts;

    public Cancellation(CancellationToken outer = default)
    {
        _cts = CancellationTokenSource.CreateLinkedTokenSource(outer);
        Console.CancelKeyPress += OnCancelKeyPress;
    }

    public CancellationToken Token => _cts.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _cts.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (!_cts.IsCancellationRequested)
        {
            e.Cancel = true;
            Console.Error.WriteLine("Stopping: finishing what is in flight and keeping everything fetched so far (Ctrl+C again to kill).");
            _cts.Cancel();
        }
    }
}
