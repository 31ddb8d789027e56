#!/usr/bin/env python3
"""Independent reference for the sha256 batch fold (io.gpulab.tasks.Sha256Fold), written from the README definition.

Generates synthetic batches by the rule of Sha256Input.Synthetic (byte j of message i is byte j mod 8 of the
little-endian 64-bit value seed + i, mod 2^64; the digest is re-hashed iterations - 1 more times), hashes them with
hashlib, folds the final digests and prints one CSV row per case: count,length,iterations,seed,fold_hex.
The seed is printed as a signed 64-bit decimal, as Java's Long reads it.

Re-run from the repository root:
    python3 cpu/src/test/resources/sha256fold/fold_reference.py > cpu/src/test/resources/sha256fold/fold-reference.csv
"""
import hashlib

M64 = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15
K = (0x243F6A8885A308D3, 0x13198A2E03707344, 0xA4093822299F31D0, 0x082EFA98EC4E6C89)


def mix(x):
    x ^= x >> 30
    x = (x * 0xBF58476D1CE4E5B9) & M64
    x ^= x >> 27
    x = (x * 0x94D049BB133111EB) & M64
    return x ^ (x >> 31)


def message(value, length):
    word = (value & M64).to_bytes(8, "little")
    return bytes(word[j % 8] for j in range(length))


def fold(count, length, iterations, seed):
    acc = [0, 0, 0, 0]
    for i in range(count):
        d = hashlib.sha256(message(seed + i, length)).digest()
        for _ in range(iterations - 1):
            d = hashlib.sha256(d).digest()
        for j in range(4):
            w = int.from_bytes(d[8 * j:8 * j + 8], "big")
            x = w ^ ((i * GOLDEN + K[j]) & M64)
            acc[j] = (acc[j] + mix(x)) & M64
    return b"".join(a.to_bytes(8, "big") for a in acc).hex()


def signed(v):
    return v - (1 << 64) if v >= 1 << 63 else v


def main():
    print("count,length,iterations,seed,fold")
    print(f"0,64,1,0,{fold(0, 64, 1, 0)}")  # an empty batch: the same for any length, iterations and seed
    seeds = (0, 20261122, (1 << 64) - 500)  # the last wraps past 2^64 within the batch of 1000
    for count in (1, 2, 1000):
        for length in (0, 55, 64, 65, 119):
            for iterations in (1, 3):
                for seed in seeds:
                    print(f"{count},{length},{iterations},{signed(seed)},{fold(count, length, iterations, seed)}")


if __name__ == "__main__":
    main()
