/*
 * gpulab_portable.h: one kernel source for OpenCL C 1.2 and CUDA, the way hashcat shares its kernels.
 *
 * Contract for kernel sources (sieve.cl, sha256.cl, blur.cl):
 *  - Use only the macros and types below for address spaces, thread indices, barriers, atomics, bit tricks and
 *    integer widths: u8, u16, u32, u64 (never uint/ulong/ushort/uchar, which clash with <sys/types.h> under
 *    nvcc). float4 is common to both (.x .y .z .w, no operators: CUDA has none); build one with MAKE_FLOAT4.
 *  - Kernels are declared KERNEL void name(...); helper functions DEVICE_FN.
 *  - Local (shared) memory is static: LOCAL_ARRAY(type, name, count) at kernel scope, sized by compile-time
 *    defines that have defaults in each source (-D NAME=value overrides them). The host must launch with the
 *    work-group (block) shape each kernel documents, because the tiles are sized for it.
 *  - 64-bit scalar arguments are u64 (cl_ulong / unsigned long long); pointers are GLOBAL type*, and a helper's
 *    pointer into a LOCAL_ARRAY is LOCAL type* (CUDA needs no qualifier there).
 *
 * OpenCL: the host passes this header and the kernel source as two strings to one clCreateProgramWithSource.
 * CUDA: this exact command compiles every kernel (verified with nvcc 13.0):
 *     nvcc --ptx -arch=sm_90 -x cu -include gpulab_portable.h sieve.cl -o sieve.ptx
 *   (likewise sha256.cl and blur.cl; NVRTC works too when this header's text is prepended to the source).
 *   Kernels have C linkage (extern "C"), so their PTX names equal the OpenCL names.
 */
#ifndef GPULAB_PORTABLE_H
#define GPULAB_PORTABLE_H

#if defined(__OPENCL_VERSION__)

typedef uchar u8;
typedef ushort u16;
typedef uint u32;
typedef ulong u64;

#define KERNEL __kernel
#define DEVICE_FN static inline
#define GLOBAL __global
#define CONSTANT __constant
#define LOCAL __local
#define LOCAL_ARRAY(type, name, count) __local type name[count]

#define GLOBAL_ID0 ((u32) get_global_id(0))
#define GLOBAL_ID1 ((u32) get_global_id(1))
#define LOCAL_ID0 ((u32) get_local_id(0))
#define LOCAL_ID1 ((u32) get_local_id(1))
#define GROUP_ID0 ((u32) get_group_id(0))
#define GROUP_ID1 ((u32) get_group_id(1))
#define LOCAL_SIZE0 ((u32) get_local_size(0))
#define LOCAL_SIZE1 ((u32) get_local_size(1))

#define MAKE_FLOAT4(a, b, c, d) ((float4) ((a), (b), (c), (d)))
#define BARRIER() barrier(CLK_LOCAL_MEM_FENCE)
#define ATOMIC_ADD(p, v) atomic_add((p), (v))
#define ATOMIC_OR(p, v) atomic_or((p), (v))
#define POPCOUNT32(x) ((u32) popcount((u32) (x)))
#define POPCOUNT64(x) ((u32) popcount((u64) (x)))

#elif defined(__CUDACC__)

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;

#define KERNEL extern "C" __global__
#define DEVICE_FN static __device__ __forceinline__
#define GLOBAL
#define CONSTANT __constant__
#define LOCAL
#define LOCAL_ARRAY(type, name, count) __shared__ type name[count]

#define GLOBAL_ID0 (blockIdx.x * blockDim.x + threadIdx.x)
#define GLOBAL_ID1 (blockIdx.y * blockDim.y + threadIdx.y)
#define LOCAL_ID0 (threadIdx.x)
#define LOCAL_ID1 (threadIdx.y)
#define GROUP_ID0 (blockIdx.x)
#define GROUP_ID1 (blockIdx.y)
#define LOCAL_SIZE0 (blockDim.x)
#define LOCAL_SIZE1 (blockDim.y)

#define MAKE_FLOAT4(a, b, c, d) make_float4((a), (b), (c), (d))
#define BARRIER() __syncthreads()
#define ATOMIC_ADD(p, v) atomicAdd((p), (v))
#define ATOMIC_OR(p, v) atomicOr((p), (v))
#define POPCOUNT32(x) ((u32) __popc((u32) (x)))
#define POPCOUNT64(x) ((u32) __popcll((u64) (x)))

#else
#error "gpulab_portable.h needs an OpenCL C or a CUDA compiler"
#endif

/* Rotates a 32-bit word right; both compilers turn this pattern into one rotate instruction. */
#define ROTR32(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

/* Reverses the byte order of a 32-bit word. */
#define BSWAP32(x) ((((x) & 0xffu) << 24) | (((x) & 0xff00u) << 8) | (((x) >> 8) & 0xff00u) | ((x) >> 24))

/* Clamps an int into [lo, hi] (OpenCL has clamp(), CUDA has not). */
DEVICE_FN int clamp_int(int v, int lo, int hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

#endif
