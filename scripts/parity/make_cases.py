#!/usr/bin/env python3
"""Write hand-made and stress cases for `pogema trace` parity checks (see docs/parity.md).

usage: make_cases.py OUT_DIR [--seed S] [--count N]
Each OUT_DIR/NAME.json is {"config": {...}, "actions": [[...], ...], "observations": bool}: crowds on open maps,
swaps, rotations, string maps with letters and pools, explicit positions, 0/1 matrices, lifelong goal pools,
larger maps and radii, and a few invalid configs that must be rejected.
"""
import argparse
import json
import os
import random

SYSTEMS = ['priority', 'block_both', 'soft']
MODES = ['finish', 'nothing', 'restart']


def write(out, name, config, actions, observations=True):
    with open(os.path.join(out, name + '.json'), 'w') as f:
        json.dump({'config': config, 'actions': actions, 'observations': observations}, f)


def random_actions(rnd, steps, agents, bias=0.0):
    return [[rnd.choice([1, 2, 3, 4]) if rnd.random() < bias else rnd.randint(0, 4) for _ in range(agents)]
            for _ in range(steps)]


def string_map(rnd, height, width, density, marks):
    rows = []
    for _ in range(height):
        rows.append(''.join('#' if rnd.random() < density else rnd.choice(marks) for _ in range(width)))
    return '\n'.join(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('out_dir')
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--count', type=int, default=40, help='random cases per family')
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    out = args.out_dir
    os.makedirs(out, exist_ok=True)

    # Swaps, followers and rotations on an open 4x4 map, with explicit positions.
    scripted = {
        'swap_pair': ([[1, 1], [1, 2]], [[1, 2], [1, 1]], [[4, 3]] * 3),
        'follow_chain': ([[0, 0], [0, 1], [0, 2]], [[0, 3], [3, 3], [3, 0]], [[4, 4, 4]] * 4),
        'follow_reverse': ([[0, 2], [0, 1], [0, 0]], [[3, 3], [3, 0], [2, 2]], [[4, 4, 4]] * 4),
        'rotation_4': ([[1, 1], [1, 2], [2, 2], [2, 1]], [[3, 3], [3, 0], [0, 0], [0, 3]],
                       [[4, 2, 3, 1], [2, 3, 1, 4], [3, 1, 4, 2]]),
        'rotation_3_blocked': ([[1, 1], [1, 2], [2, 2]], [[3, 3], [3, 0], [0, 0]], [[4, 2, 3]] * 2),
        'vertex_conflict': ([[1, 0], [0, 1], [1, 2], [2, 1]], [[3, 3], [3, 0], [0, 0], [0, 3]],
                            [[4, 2, 3, 1], [0, 0, 0, 0], [4, 2, 3, 1]]),
        'into_waiting': ([[1, 1], [1, 2]], [[3, 3], [0, 0]], [[4, 0], [4, 0]]),
        'head_on_gap': ([[1, 0], [1, 2]], [[1, 3], [1, 0]], [[4, 3], [4, 3], [4, 3]]),
        'wall_bump': ([[0, 0], [3, 3]], [[3, 3], [0, 0]], [[1, 2], [3, 4], [1, 2]]),
    }
    for name, (starts, goals, actions) in scripted.items():
        for system in SYSTEMS:
            for mode in MODES:
                config = {'size': 4, 'density': 0.0, 'agents_xy': starts, 'targets_xy': goals, 'obs_radius': 2,
                          'collision_system': system, 'on_target': mode, 'max_episode_steps': 16, 'seed': 3}
                write(out, f'hand_{name}_{system}_{mode}', config, actions)

    # Crowds on small open or sparse maps: many conflicts per step.
    for i in range(args.count):
        size = rnd.randint(3, 8)
        agents = rnd.randint(2, max(2, size * size // 2 - 1))
        config = {'seed': rnd.randint(0, 100000), 'size': size, 'density': rnd.choice([0.0, 0.0, 0.1, 0.2]),
                  'num_agents': agents, 'obs_radius': rnd.randint(1, 4), 'collision_system': SYSTEMS[i % 3],
                  'on_target': MODES[(i // 3) % 3], 'max_episode_steps': rnd.randint(5, 40)}
        write(out, f'crowd_{i:03d}', config, random_actions(rnd, 45, agents, bias=0.7), i % 2 == 0)

    # String maps with agent letters.
    letters = 'abcdefghijklmnopqrstuvwxyz'
    for i in range(args.count):
        h, w = rnd.randint(3, 10), rnd.randint(3, 10)
        cells = [(r, c) for r in range(h) for c in range(w)]
        rnd.shuffle(cells)
        k = rnd.randint(1, min(8, len(cells) // 2))
        grid = [['#' if rnd.random() < 0.2 else '.' for _ in range(w)] for _ in range(h)]
        for j in range(k):
            r, c = cells[2 * j]
            grid[r][c] = letters[j]
            r, c = cells[2 * j + 1]
            grid[r][c] = letters[j].upper()
        config = {'map': '\n'.join(''.join(row) for row in grid), 'seed': rnd.randint(0, 1000),
                  'obs_radius': rnd.randint(1, 4), 'collision_system': SYSTEMS[i % 3], 'on_target': MODES[(i // 3) % 3],
                  'max_episode_steps': rnd.randint(8, 40)}
        write(out, f'letters_{i:03d}', config, random_actions(rnd, 42, k, bias=0.5), i % 2 == 1)

    # String maps with start and goal pools (@ $ !), including lifelong goals from the pool.
    for i in range(args.count):
        h, w = rnd.randint(3, 12), rnd.randint(3, 12)
        text = string_map(rnd, h, w, 0.2, ['.', '.', '@', '$', '!'])
        starts = text.count('.') + text.count('@')
        goals = text.count('.') + text.count('$')
        if min(starts, goals) < 1 or ('@' not in text and '$' not in text and '!' not in text):
            continue
        agents = rnd.randint(1, max(1, min(starts, goals, 12)))
        config = {'map': text, 'num_agents': agents, 'seed': rnd.randint(0, 1000), 'obs_radius': rnd.randint(1, 3),
                  'collision_system': SYSTEMS[i % 3], 'on_target': MODES[(i // 3) % 3], 'max_episode_steps': rnd.randint(8, 40)}
        write(out, f'pools_{i:03d}', config, random_actions(rnd, 42, agents, bias=0.5), i % 2 == 0)

    # Pools given in the config over a random map, and explicit positions on a random map.
    for i in range(args.count):
        size = rnd.randint(4, 12)
        cells = [[r, c] for r in range(size) for c in range(size)]
        rnd.shuffle(cells)
        agents = rnd.randint(1, 10)
        base = {'size': size, 'density': round(rnd.uniform(0, 0.3), 2), 'seed': rnd.randint(0, 1000),
                'obs_radius': rnd.randint(1, 4), 'collision_system': SYSTEMS[i % 3], 'on_target': MODES[(i // 3) % 3],
                'max_episode_steps': rnd.randint(8, 40)}
        pools = dict(base, num_agents=agents, possible_agents_xy=cells[:agents + rnd.randint(0, 6)],
                     possible_targets_xy=cells[size:size + agents + rnd.randint(0, 6)])
        write(out, f'configpools_{i:03d}', pools, random_actions(rnd, 42, agents, bias=0.5), i % 2 == 1)
        explicit = dict(base, agents_xy=cells[:agents], targets_xy=cells[agents:2 * agents])
        write(out, f'explicit_{i:03d}', explicit, random_actions(rnd, 42, agents, bias=0.5), i % 2 == 0)

    # 0/1 matrix maps, possibly not square.
    for i in range(args.count):
        h, w = rnd.randint(2, 10), rnd.randint(2, 10)
        matrix = [[1 if rnd.random() < 0.25 else 0 for _ in range(w)] for _ in range(h)]
        free = sum(row.count(0) for row in matrix)
        if free < 2:
            continue
        agents = rnd.randint(1, max(1, free // 3))
        config = {'map': matrix, 'num_agents': agents, 'seed': rnd.randint(0, 1000), 'obs_radius': rnd.randint(1, 4),
                  'collision_system': SYSTEMS[i % 3], 'on_target': MODES[(i // 3) % 3], 'max_episode_steps': rnd.randint(8, 40)}
        write(out, f'matrix_{i:03d}', config, random_actions(rnd, 42, agents, bias=0.5), i % 2 == 1)

    # Larger maps, more agents, larger radii.
    for i in range(max(4, args.count // 4)):
        size = rnd.randint(24, 64)
        agents = rnd.randint(16, 128)
        config = {'seed': rnd.randint(0, 10 ** 6), 'size': size, 'density': round(rnd.uniform(0.05, 0.35), 3),
                  'num_agents': agents, 'obs_radius': rnd.randint(3, 8), 'collision_system': SYSTEMS[i % 3],
                  'on_target': MODES[(i // 3) % 3], 'max_episode_steps': rnd.randint(32, 128)}
        write(out, f'large_{i:03d}', config, random_actions(rnd, 130, agents, bias=0.6), i % 4 == 0)

    # Edge cases: large radii on small maps, two-cell maps, one-step episodes, agents starting on their goals,
    # duplicate goal-pool cells, pool starts on obstacles, pool marks without usable pools.
    for i in range(args.count):
        size = rnd.randint(2, 6)
        agents = rnd.randint(1, max(1, size * size // 3))
        config = {'seed': rnd.randint(0, 1000), 'size': size, 'density': rnd.choice([0.0, 0.1]), 'num_agents': agents,
                  'obs_radius': rnd.randint(6, 20), 'collision_system': SYSTEMS[i % 3], 'on_target': MODES[(i // 3) % 3],
                  'max_episode_steps': rnd.choice([1, 2, 3, 10])}
        write(out, f'edge_radius_{i:03d}', config, random_actions(rnd, 12, agents, bias=0.5), True)
        cells = [[r, c] for r in range(size) for c in range(size)]
        rnd.shuffle(cells)
        k = min(len(cells), rnd.randint(1, 5))
        # A lifelong agent alone in a one-cell component would make POGEMA re-draw forever: no obstacles there.
        same = {'size': size, 'density': 0.0 if MODES[(i // 3) % 3] == 'restart' else 0.3, 'seed': rnd.randint(0, 1000), 'obs_radius': 2, 'agents_xy': cells[:k],
                'targets_xy': [cells[j] if rnd.random() < 0.5 else cells[(j + 1) % k] for j in range(k)],
                'collision_system': SYSTEMS[i % 3], 'on_target': MODES[(i // 3) % 3], 'max_episode_steps': 12}
        write(out, f'edge_ongoal_{i:03d}', same, random_actions(rnd, 14, k, bias=0.3), i % 2 == 0)
        pool = {'size': size, 'density': 0.4, 'seed': rnd.randint(0, 1000), 'obs_radius': 2, 'num_agents': k,
                'possible_agents_xy': cells[:k], 'possible_targets_xy': [rnd.choice(cells) for _ in range(k + 2)] + cells[:2],
                'collision_system': SYSTEMS[i % 3], 'on_target': MODES[(i // 3) % 3], 'max_episode_steps': 20}
        write(out, f'edge_pooldup_{i:03d}', pool, random_actions(rnd, 22, k, bias=0.5), i % 2 == 1)
        marks = string_map(rnd, rnd.randint(2, 6), rnd.randint(2, 6), 0.2, ['!', '@', '.', '!'])
        if marks.count('.') < 2:
            continue  # a lifelong goal pool of one cell makes POGEMA re-draw forever
        marked = {'map': marks, 'num_agents': 1, 'seed': rnd.randint(0, 1000), 'obs_radius': 2,
                  'collision_system': SYSTEMS[i % 3], 'on_target': MODES[(i // 3) % 3], 'max_episode_steps': 20}
        write(out, f'edge_marks_{i:03d}', marked, random_actions(rnd, 22, 1), True)

    # Invalid configs and action lists that POGEMA rejects too.
    invalid = {
        'bad_num_agents': ({'num_agents': 0}, [[0]]),
        'bad_size': ({'size': 1}, [[0]]),
        'bad_density': ({'density': 1.5}, [[0]]),
        'bad_radius': ({'obs_radius': 0}, [[0]]),
        'bad_seed': ({'seed': -1}, [[0]]),
        'bad_collision': ({'collision_system': 'hard'}, [[0]]),
        'bad_mode': ({'on_target': 'stay'}, [[0]]),
        'bad_symbol': ({'map': '..\n.x'}, [[0]]),
        'bad_rows': ({'map': '...\n..'}, [[0]]),
        'letter_count': ({'map': 'a.\n.B\nc.'}, [[0]]),
        'too_many_agents': ({'size': 4, 'density': 0.0, 'num_agents': 9}, [[0] * 9]),
        'full_map': ({'size': 4, 'density': 1.0, 'num_agents': 1}, [[0]]),
        'letters_and_pools': ({'map': 'a@\n$A'}, [[0]]),
        'xy_mismatch': ({'agents_xy': [[0, 0], [1, 1]], 'targets_xy': [[2, 2]]}, [[0, 0]]),
        'xy_outside': ({'size': 4, 'agents_xy': [[0, 9]], 'targets_xy': [[1, 1]]}, [[0]]),
        'pool_too_small': ({'map': '@.#\n$#!', 'num_agents': 3}, [[0, 0, 0]]),
        'wrong_action_count': ({'num_agents': 2, 'seed': 1}, [[0, 0], [1]]),
        'action_out_of_range': ({'num_agents': 2, 'seed': 1}, [[0, 0], [5, 0]]),
    }
    for name, (config, actions) in invalid.items():
        write(out, f'invalid_{name}', config, actions, False)


if __name__ == '__main__':
    main()
