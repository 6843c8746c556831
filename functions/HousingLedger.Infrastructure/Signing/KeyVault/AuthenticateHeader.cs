namespace HousingLedger.Infrastructure.Signing.KeyVault;

/// <summary>
/// Reads the auth-params of one challenge in a <c>WWW-Authenticate</c> header (RFC 9110 §11.6.1): challenges
/// are a scheme followed by comma-separated <c>name=value</c> pairs, values a token or a quoted string.
/// </summary>
internal static class AuthenticateHeader
{
    /// <summary>The parameters of the first challenge with <paramref name="scheme"/> (names case-insensitive), or null when there is none.</summary>
    public static IReadOnlyDictionary<string, string>? ParametersOf(string header, string scheme)
    {
        Dictionary<string, string>? found = null;
        var inScheme = false;
        var position = 0;
        while (true)
        {
            SkipSeparators(header, ref position);
            var token = ReadToken(header, ref position);
            if (token.Length == 0)
            {
                return found;
            }

            SkipWhitespace(header, ref position);
            if (position < header.Length && header[position] == '=')
            {
                position++;
                SkipWhitespace(header, ref position);
                var value = ReadValue(header, ref position);
                if (inScheme)
                {
                    found!.TryAdd(token, value);
                }

                continue;
            }

            // A token without "=" starts the next challenge.
            if (found is not null)
            {
                return found;
            }

            inScheme = string.Equals(token, scheme, StringComparison.OrdinalIgnoreCase);
            found = inScheme ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) : null;
        }
    }

    private static string ReadValue(string header, ref int position)
    {
        if (position >= header.Length || header[position] != '"')
        {
            return ReadToken(header, ref position);
        }

        var value = new System.Text.StringBuilder();
        for (position++; position < header.Length && header[position] != '"'; position++)
        {
            if (header[position] == '\\' && position + 1 < header.Length)
            {
                position++;
            }

            value.Append(header[position]);
        }

        position++;
        return value.ToString();
    }

    private static string ReadToken(string header, ref int position)
    {
        var start = position;
        while (position < header.Length && header[position] is not (' ' or '\t' or ',' or '='))
        {
            position++;
        }

        return header[start..position];
    }

    private static void SkipSeparators(string header, ref int position)
    {
        while (position < header.Length && header[position] is ' ' or '\t' or ',')
        {
            position++;
        }
    }

    private static void SkipWhitespace(string header, ref int position)
    {
        while (position < header.Length && header[position] is ' ' or '\t')
        {
            position++;
        }
    }
}
