namespace NeuroNav.Cli;

/// <summary>
/// Prints each report of a stage at once, on the stage's thread, so the console shows steps in the order they
/// happened (<see cref="Progress{T}"/> would post them to the thread pool).
/// </summary>
internal sealed class Printed<T>(Action<T> print) : IProgress<T>
{
    public void Report(T value) => print(value);
}
