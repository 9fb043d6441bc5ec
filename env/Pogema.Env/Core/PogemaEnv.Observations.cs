namespace Pogema.Env;

/// <summary>The <c>default</c> observation: obstacles, agents and goal windows around each agent.</summary>
public sealed partial class PogemaEnv
{
    /// <summary>Writes every agent's observation contiguously as [agents, 3, 2r+1, 2r+1].</summary>
    public void WriteObservations(Span<float> destination) => WriteObservations(0, _numAgents, destination);

    /// <summary>
    /// Writes the observations of agents <paramref name="firstAgent"/> .. <paramref name="firstAgent"/> + count - 1
    /// contiguously into <paramref name="destination"/> (at least count * <see cref="ObservationSize"/> floats).
    /// </summary>
    public void WriteObservations(int firstAgent, int count, Span<float> destination)
    {
        int size = ObservationSize;
        if ((uint)firstAgent > (uint)_numAgents || (uint)count > (uint)(_numAgents - firstAgent))
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"agents {firstAgent}..{firstAgent + count - 1} are not in 0..{_numAgents - 1}");
        }

        if (destination.Length < count * size)
        {
            throw new ArgumentException($"destination holds {destination.Length} floats; {count} observations need {count * size}", nameof(destination));
        }

        for (int k = 0; k < count; k++)
        {
            WriteObservation(firstAgent + k, destination.Slice(k * size, size));
        }
    }

    /// <summary>
    /// Writes one agent's observation (3 x (2r+1) x (2r+1)): channel 0 obstacles of the padded grid, channel 1 active
    /// agents (itself at the centre while active), channel 2 its goal projected onto the window border when far.
    /// A hidden agent is observed from its last cell.
    /// </summary>
    public void WriteObservation(int agent, Span<float> destination)
    {
        int d = _window;
        int area = d * d;
        Span<float> obstacles = destination[..area];
        Span<float> agents = destination.Slice(area, area);
        Span<float> goal = destination.Slice(2 * area, area);
        int corner = _position[agent] - (_radius * _paddedWidth) - _radius;
        WindowRow.WidenWindow(_obstacles, corner, _paddedWidth, d, obstacles);
        WindowRow.WidenWindow(_occupancy, corner, _paddedWidth, d, agents);

        goal.Clear();
        int goalRow = _radius + Math.Clamp(_targetRows[agent] - _rows[agent], -_radius, _radius);
        int goalCol = _radius + Math.Clamp(_targetCols[agent] - _cols[agent], -_radius, _radius);
        goal[(goalRow * d) + goalCol] = 1f;
    }

    private void MarkOccupied(int cell) => _occupancy[cell] = 1;

    private void ClearOccupied(int cell) => _occupancy[cell] = 0;
}
