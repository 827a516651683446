namespace Carbon.Domain.Units;

/// <summary>A measured amount in a unit, as filed. Negative amounts are not quantities of use.</summary>
public readonly record struct Quantity
{
    public Quantity(decimal value, MeasureUnit unit)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "a quantity is never negative");
        }
        Value = value;
        Unit = unit;
    }

    public decimal Value { get; }

    public MeasureUnit Unit { get; }

    /// <summary>The same amount in the base unit of its dimension (kWh, kg, m³, MJ).</summary>
    public decimal InBaseUnit => Value * Unit.ScaleToBase();

    public decimal In(MeasureUnit unit) => MeasureUnits.Convert(Value, Unit, unit);

    public override string ToString() => $"{Value} {Unit.Token()}";
}
