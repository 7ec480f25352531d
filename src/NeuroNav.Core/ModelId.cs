namespace NeuroNav.Core;

/// <summary>Model ids go into paths and URLs: lower-case letters, digits, dashes and dots, starting and ending with a letter or digit.</summary>
public static class ModelId
{
    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64 || id[0] is '-' or '.' || id[^1] is '-' or '.')
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '.'))
            {
                return false;
            }
        }

        return !id.Contains("..", StringComparison.Ordinal);
    }
}
