using System.Globalization;

namespace NewsAggregator.Core.Parsing;

/// <summary>
/// Reads the dates feeds actually carry, by hand and with invariant rules only, so that the result never depends on
/// the server's culture (FeedReader parses with the current culture). RFC 822/1123 with day names optional, seconds
/// optional, two- or four-digit years, named zones (GMT, UT, Z, EST/EDT, CST/CDT, MST/MDT, PST/PDT) and numeric
/// offsets; ISO 8601 / RFC 3339 (W3CDTF) with or without time, seconds, fractions and offset. Anything else is null:
/// the normalizer then falls back to the first-seen time, which is better than a guessed date.
/// </summary>
internal static class FeedDates
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var text = value.Trim();
        if (text.Length > 100)
            return null;
        return char.IsAsciiDigit(text[0]) && text.Length >= 4 && char.IsAsciiDigit(text[3])
            ? ParseIso8601(text) ?? ParseRfc822(text)
            : ParseRfc822(text);
    }

    /// <summary>2003-12-13T18:30:02Z, 2003-12-13T18:30:02.25+01:00, 2003-12-13 18:30, 2003-12-13, 20031213T183002Z.</summary>
    private static DateTimeOffset? ParseIso8601(string s)
    {
        var p = new Cursor(s);
        if (!p.Digits(4, out var year))
            return null;
        var dashed = p.Skip('-');
        if (!p.Digits(2, out var month))
            return ToOffset(year, 1, 1, 0, 0, 0, 0, TimeSpan.Zero, p.AtEnd);
        if (dashed && !p.Skip('-') && p.AtEnd)
            return ToOffset(year, month, 1, 0, 0, 0, 0, TimeSpan.Zero, true);
        if (!p.Digits(2, out var day))
            return null;
        if (p.AtEnd)
            return ToOffset(year, month, day, 0, 0, 0, 0, TimeSpan.Zero, true);
        if (!p.Skip('T') && !p.Skip('t') && !p.Skip(' '))
            return null;
        if (!p.Digits(2, out var hour))
            return null;
        var colon = p.Skip(':');
        if (!p.Digits(2, out var minute))
            return null;
        var second = 0;
        var ticks = 0L;
        if ((colon ? p.Skip(':') : p.PeekDigit) && p.Digits(2, out second))
        {
            if (p.Skip('.') || p.Skip(','))
            {
                var scale = (long)TimeSpan.TicksPerSecond;
                var any = false;
                while (p.PeekDigit)
                {
                    p.Digits(1, out var digit);
                    scale /= 10;
                    ticks += digit * scale;
                    any = true;
                }

                if (!any)
                    return null;
            }
        }

        p.SkipWhitespace();
        if (p.AtEnd)
            return ToOffset(year, month, day, hour, minute, second, ticks, TimeSpan.Zero, true);
        if (p.Skip('Z') || p.Skip('z'))
            return ToOffset(year, month, day, hour, minute, second, ticks, TimeSpan.Zero, p.AtEnd);
        var offset = NumericOffset(ref p);
        return offset is null ? null : ToOffset(year, month, day, hour, minute, second, ticks, offset.Value, p.AtEnd);
    }

    /// <summary>Sat, 07 Sep 2002 00:00:01 GMT; 7 Sep 02 09:30 EST; Sep 7 2002 9:30:00 -0400 (a common mistake).</summary>
    private static DateTimeOffset? ParseRfc822(string s)
    {
        var tokens = s.Replace(",", " ", StringComparison.Ordinal).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var i = 0;
        // A leading day name is informative only (and often wrong); skip any alphabetic token that is not a month.
        if (i < tokens.Length && char.IsAsciiLetter(tokens[i][0]) && MonthOf(tokens[i]) is null)
            i++;
        if (tokens.Length - i < 3)
            return null;

        int day;
        int? month;
        if (int.TryParse(tokens[i], NumberStyles.None, CultureInfo.InvariantCulture, out day))
        {
            month = MonthOf(tokens[i + 1]);
        }
        else
        {
            // "Sep 07 2002": month first.
            month = MonthOf(tokens[i]);
            if (!int.TryParse(tokens[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out day))
                return null;
        }

        if (month is null || !int.TryParse(tokens[i + 2], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            return null;
        if (tokens[i + 2].Length <= 2)
            year += year < 50 ? 2000 : 1900;
        else if (tokens[i + 2].Length == 3)
            year += 1900;
        i += 3;

        int hour = 0, minute = 0, second = 0;
        if (i < tokens.Length && tokens[i].Contains(':', StringComparison.Ordinal))
        {
            var parts = tokens[i].Split(':');
            if (parts.Length is < 2 or > 3
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out hour)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minute)
                || parts.Length == 3 && !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out second))
                return null;
            i++;
        }

        var offset = TimeSpan.Zero;
        if (i < tokens.Length)
        {
            var zone = NamedZone(tokens[i]);
            if (zone is null)
            {
                var cursor = new Cursor(tokens[i]);
                zone = NumericOffset(ref cursor);
                if (zone is null || !cursor.AtEnd)
                    return null;
            }

            offset = zone.Value;
            i++;
        }

        // Trailing words such as "(PST)" are comments in RFC 822; anything else means we misread the date.
        if (i < tokens.Length && !tokens[i].StartsWith('('))
            return null;
        return ToOffset(year, month.Value, day, hour, minute, second, 0, offset, true);
    }

    private static int? MonthOf(string token)
    {
        if (token.Length < 3)
            return null;
        var prefix = token[..3].ToLowerInvariant();
        var index = Array.IndexOf(Months, prefix);
        return index < 0 ? null : index + 1;
    }

    private static TimeSpan? NamedZone(string zone) => zone.ToUpperInvariant() switch
    {
        "GMT" or "UT" or "UTC" or "Z" => TimeSpan.Zero,
        "EST" => TimeSpan.FromHours(-5),
        "EDT" => TimeSpan.FromHours(-4),
        "CST" => TimeSpan.FromHours(-6),
        "CDT" => TimeSpan.FromHours(-5),
        "MST" => TimeSpan.FromHours(-7),
        "MDT" => TimeSpan.FromHours(-6),
        "PST" => TimeSpan.FromHours(-8),
        "PDT" => TimeSpan.FromHours(-7),
        // RFC 822 military zones are ambiguous (RFC 1123 §5.2.14 says treat them as zero).
        [var c] when char.IsAsciiLetter(c) => TimeSpan.Zero,
        _ => null,
    };

    private static TimeSpan? NumericOffset(ref Cursor p)
    {
        var sign = p.Skip('+') ? 1 : p.Skip('-') ? -1 : 0;
        if (sign == 0 || !p.Digits(2, out var hours))
            return null;
        p.Skip(':');
        var minutes = 0;
        if (p.PeekDigit && !p.Digits(2, out minutes))
            return null;
        if (hours > 14 || minutes > 59)
            return null;
        return sign * new TimeSpan(hours, minutes, 0);
    }

    private static DateTimeOffset? ToOffset(int year, int month, int day, int hour, int minute, int second, long ticks, TimeSpan offset, bool complete)
    {
        if (!complete || year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 24 || minute > 59 || second > 60)
            return null;
        // 24:00 is the end of the day and 60 a leap second; both are folded into valid times.
        var extra = TimeSpan.Zero;
        if (hour == 24)
        {
            hour = 0;
            extra += TimeSpan.FromDays(1);
        }

        if (second == 60)
        {
            second = 59;
            extra += TimeSpan.FromSeconds(1);
        }

        try
        {
            return new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(ticks).Add(extra);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>A forward-only reader over the characters of a date.</summary>
    private struct Cursor(string text)
    {
        private int _position;

        public readonly bool AtEnd => _position >= text.Length;

        public readonly bool PeekDigit => !AtEnd && char.IsAsciiDigit(text[_position]);

        public bool Skip(char c)
        {
            if (AtEnd || text[_position] != c)
                return false;
            _position++;
            return true;
        }

        public void SkipWhitespace()
        {
            while (!AtEnd && char.IsWhiteSpace(text[_position]))
                _position++;
        }

        public bool Digits(int count, out int value)
        {
            value = 0;
            if (_position + count > text.Length)
                return false;
            for (var k = 0; k < count; k++)
            {
                var c = text[_position + k];
                if (!char.IsAsciiDigit(c))
                    return false;
                value = value * 10 + (c - '0');
            }

            _position += count;
            return true;
        }
    }
}
