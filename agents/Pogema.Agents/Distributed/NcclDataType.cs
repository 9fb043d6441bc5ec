namespace Pogema.Agents.Distributed;

/// <summary>The <c>ncclDataType_t</c> values used here.</summary>
public enum NcclDataType
{
    /// <summary><c>ncclFloat32</c>.</summary>
    Float32 = 7,
}
