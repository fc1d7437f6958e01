using NewsAggregator.Core.Configuration;

namespace NewsAggregator.Core.Tests.Configuration;

public sealed class SchedulingOptionsTests
{
    [Fact]
    public void Validate_Defaults_HasNoErrors()
    {
        Assert.Empty(new SchedulingOptions().Validate());
    }

    [Fact]
    public void Validate_FastDemoSettings_HasNoErrors()
    {
        var demo = new SchedulingOptions { MinIntervalSeconds = 10, DefaultIntervalSeconds = 10, MaxIntervalSeconds = 60, MaxBackoffSeconds = 60 };

        Assert.Empty(demo.Validate());
    }

    [Fact]
    public void Validate_MinIntervalTooSmall_NamesKeyAndAllowedRange()
    {
        var errors = new SchedulingOptions { MinIntervalSeconds = 5 }.Validate();

        Assert.Equal(["Scheduling:MinIntervalSeconds must be between 10 and 86400 (got 5)"], errors);
    }

    [Fact]
    public void Validate_DefaultOutsideMinAndMax_NamesKeyAndBounds()
    {
        var errors = new SchedulingOptions { DefaultIntervalSeconds = 200 }.Validate();

        Assert.Equal(["Scheduling:DefaultIntervalSeconds must be between MinIntervalSeconds (300) and MaxIntervalSeconds (14400) (got 200)"], errors);
    }

    [Theory]
    [InlineData(-60)]
    [InlineData(0)]
    [InlineData(100_000)]
    public void Validate_DefaultIntervalOutOfRange_OneMessageNotTwo(int seconds)
    {
        // Out of range is one mistake; "not between Min and Max" would say the same thing again.
        var error = Assert.Single(new SchedulingOptions { DefaultIntervalSeconds = seconds }.Validate());

        Assert.Equal($"Scheduling:DefaultIntervalSeconds must be between 10 and 86400 (got {seconds})", error);
    }

    [Fact]
    public void Validate_MaxIntervalOutOfRange_OneMessageNotThree()
    {
        var error = Assert.Single(new SchedulingOptions { MaxIntervalSeconds = -1 }.Validate());

        Assert.Equal("Scheduling:MaxIntervalSeconds must be between 10 and 86400 (got -1)", error);
    }

    [Fact]
    public void Validate_MinAboveMax_NamesKey()
    {
        var errors = new SchedulingOptions { MinIntervalSeconds = 3600, MaxIntervalSeconds = 600, DefaultIntervalSeconds = 600 }.Validate();

        Assert.Contains(errors, e => e.StartsWith("Scheduling:MinIntervalSeconds must not exceed MaxIntervalSeconds (600)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(0.6)]
    [InlineData(double.NaN)]
    public void Validate_JitterOutOfRange_NamesKeyAndRange(double jitter)
    {
        var error = Assert.Single(new SchedulingOptions { JitterFraction = jitter }.Validate());

        Assert.StartsWith("Scheduling:JitterFraction must be between 0 and 0.5 (got ", error);
    }

    [Theory]
    [InlineData(nameof(SchedulingOptions.MinIntervalSeconds))]
    [InlineData(nameof(SchedulingOptions.DefaultIntervalSeconds))]
    [InlineData(nameof(SchedulingOptions.MaxIntervalSeconds))]
    [InlineData(nameof(SchedulingOptions.MaxBackoffSeconds))]
    [InlineData(nameof(SchedulingOptions.MaxRetryAfterSeconds))]
    [InlineData(nameof(SchedulingOptions.DeadAfterHours))]
    [InlineData(nameof(SchedulingOptions.DeadAfterFailures))]
    [InlineData(nameof(SchedulingOptions.RedirectAdoptAfter))]
    [InlineData(nameof(SchedulingOptions.ShutdownGraceSeconds))]
    public void Validate_ZeroOrNegative_NamesKey(string key)
    {
        foreach (var value in new[] { 0, -1 })
        {
            var options = new SchedulingOptions();
            typeof(SchedulingOptions).GetProperty(key)!.SetValue(options, value);

            Assert.Contains(options.Validate(), e => e.StartsWith($"Scheduling:{key} must be between ", StringComparison.Ordinal) && e.EndsWith($"(got {value})", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_BackoffCapBelowMaxInterval_NamesKey()
    {
        var errors = new SchedulingOptions { MaxBackoffSeconds = 3600 }.Validate();

        Assert.Equal(["Scheduling:MaxBackoffSeconds must be at least MaxIntervalSeconds (14400) (got 3600)"], errors);
    }
}
