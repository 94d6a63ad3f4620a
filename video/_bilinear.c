/* Bilinear scaling of I420 pictures for the camera wall, at shrink factors down to 1/2.
 *
 * The wall scales every shown frame (21 streams x 15 fps) to its tile. libyuv's general horizontal
 * filter gathers two source pixels per output pixel one at a time; on the 21-stream wall it alone was
 * ~18% of the process's CPU, more than half of what decoding cost. Here each row's column positions are
 * worked out once per call, and 8 output pixels come from one 16-byte load: a byte shuffle pairs each
 * output's left and right neighbours and one multiply-add weighs them (SSSE3, on every x86-64 CPU of the
 * last fifteen years; a plain C loop elsewhere gives the same pixels). When shrinking by 1/2 or more, 8
 * outputs span at most 16 source bytes, which is what makes one load enough; stronger shrinking needs
 * area averaging anyway and stays with libyuv's box filter.
 *
 * Sample positions are those of libyuv and OpenCV (pixel centres aligned), weights in 1/128ths as in
 * libyuv: the pictures match libyuv's bilinear filter within one level.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#include <immintrin.h>
#define SHUFFLE_PATH 1
#endif

/* Row blending is plain C the compiler vectorises; an AVX2 copy, picked when the process loads, takes
 * ~20% off the whole scale. Function multi-versioning needs the loader's ifuncs (glibc). */
#if defined(SHUFFLE_PATH) && defined(__linux__)
#define WITH_AVX2_COPY __attribute__((target_clones("avx2", "default")))
#else
#define WITH_AVX2_COPY
#endif

#define GROUP 8 /* output pixels per shuffle */
#define ROW_PAD 16 /* bytes a group's load may read past a row's last pixel */

/* Where each output column reads: per group of 8, the first source byte of its load, then per
 * output the (left, right) byte offsets from there and their weights (summing to 128). */
typedef struct {
    int groups;
    int32_t *base;
    uint8_t *pairs; /* 16 per group */
    int8_t *weights; /* 16 per group */
} Columns;

/* 16.16 source position of output `i`: centres aligned, clamped to the picture. */
static int64_t source_position(int i, int64_t step, int src_size) {
    int64_t x = step / 2 - 32768 + (int64_t)i * step;
    int64_t last = (int64_t)(src_size - 1) << 16;
    return x < 0 ? 0 : (x > last ? last : x);
}

static int64_t step_for(int src_size, int dst_size) {
    return ((int64_t)src_size << 16) / dst_size;
}

static int columns_init(Columns *c, int src_w, int dst_w) {
    c->groups = (dst_w + GROUP - 1) / GROUP;
    c->base = malloc(sizeof(int32_t) * c->groups);
    c->pairs = malloc(16 * (size_t)c->groups);
    c->weights = malloc(16 * (size_t)c->groups);
    if (!c->base || !c->pairs || !c->weights) return -1;
    int64_t step = step_for(src_w, dst_w);
    for (int g = 0; g < c->groups; g++) {
        int first = (int)(source_position(g * GROUP, step, src_w) >> 16);
        c->base[g] = first;
        for (int k = 0; k < GROUP; k++) {
            int i = g * GROUP + k < dst_w ? g * GROUP + k : dst_w - 1; /* the last group repeats its last pixel */
            int64_t x = source_position(i, step, src_w);
            int left = (int)(x >> 16) - first;
            int fraction = (int)((x >> 9) & 127);
            if (fraction == 0) { /* 128 does not fit a signed byte: weigh the same pixel twice by 64 */
                c->pairs[16 * g + 2 * k] = c->pairs[16 * g + 2 * k + 1] = (uint8_t)left;
                c->weights[16 * g + 2 * k] = c->weights[16 * g + 2 * k + 1] = 64;
            } else {
                c->pairs[16 * g + 2 * k] = (uint8_t)left;
                c->pairs[16 * g + 2 * k + 1] = (uint8_t)(left + 1);
                c->weights[16 * g + 2 * k] = (int8_t)(128 - fraction);
                c->weights[16 * g + 2 * k + 1] = (int8_t)fraction;
            }
        }
    }
    return 0;
}

static void columns_free(Columns *c) {
    free(c->base);
    free(c->pairs);
    free(c->weights);
}

static void filter_row_plain(const uint8_t *row, uint8_t *out, int dst_w, const Columns *c) {
    for (int i = 0; i < dst_w; i++) {
        int g = i / GROUP, k = i % GROUP;
        const uint8_t *at = row + c->base[g];
        int sum = at[c->pairs[16 * g + 2 * k]] * c->weights[16 * g + 2 * k] +
                  at[c->pairs[16 * g + 2 * k + 1]] * c->weights[16 * g + 2 * k + 1];
        out[i] = (uint8_t)((sum + 64) >> 7);
    }
}

#ifdef SHUFFLE_PATH
__attribute__((target("ssse3"))) static void filter_row_shuffle(const uint8_t *row, uint8_t *out, int dst_w,
                                                                  const Columns *c) {
    const __m128i round = _mm_set1_epi16(256); /* mulhrs by 256 is (x + 64) >> 7 */
    int whole = dst_w / GROUP, g = 0;
    for (; g + 1 < whole; g += 2) {
        __m128i a = _mm_loadu_si128((const __m128i *)(row + c->base[g]));
        __m128i b = _mm_loadu_si128((const __m128i *)(row + c->base[g + 1]));
        a = _mm_shuffle_epi8(a, _mm_loadu_si128((const __m128i *)(c->pairs + 16 * g)));
        b = _mm_shuffle_epi8(b, _mm_loadu_si128((const __m128i *)(c->pairs + 16 * g + 16)));
        a = _mm_mulhrs_epi16(_mm_maddubs_epi16(a, _mm_loadu_si128((const __m128i *)(c->weights + 16 * g))), round);
        b = _mm_mulhrs_epi16(_mm_maddubs_epi16(b, _mm_loadu_si128((const __m128i *)(c->weights + 16 * g + 16))),
                             round);
        _mm_storeu_si128((__m128i *)(out + GROUP * g), _mm_packus_epi16(a, b));
    }
    for (; g < whole; g++) {
        __m128i a = _mm_loadu_si128((const __m128i *)(row + c->base[g]));
        a = _mm_shuffle_epi8(a, _mm_loadu_si128((const __m128i *)(c->pairs + 16 * g)));
        a = _mm_mulhrs_epi16(_mm_maddubs_epi16(a, _mm_loadu_si128((const __m128i *)(c->weights + 16 * g))), round);
        _mm_storel_epi64((__m128i *)(out + GROUP * g), _mm_packus_epi16(a, a));
    }
    if (whole * GROUP < dst_w) { /* the last few pixels, without writing past the row */
        uint8_t tail[GROUP];
        Columns last = {1, c->base + whole, c->pairs + 16 * whole, c->weights + 16 * whole};
        filter_row_plain(row, tail, dst_w - whole * GROUP, &last);
        memcpy(out + GROUP * whole, tail, (size_t)(dst_w - whole * GROUP));
    }
}

static int shuffle_supported(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("ssse3");
}
#else
static int shuffle_supported(void) { return 0; }
#endif

/* Row `f` 128ths of the way from `a` to `b`, into `out`, then the last pixel repeated into the padding. */
WITH_AVX2_COPY static void blend_rows(const uint8_t *a, const uint8_t *b, int f, uint8_t *out, int n) {
    if (f == 0) {
        memcpy(out, a, (size_t)n);
    } else {
        int keep = 128 - f;
        for (int i = 0; i < n; i++) out[i] = (uint8_t)((a[i] * keep + b[i] * f + 64) >> 7);
    }
    memset(out + n, out[n - 1], ROW_PAD);
}

static int scale_plane(const uint8_t *src, Py_ssize_t src_stride, int src_w, int src_h, uint8_t *dst,
                       Py_ssize_t dst_stride, int dst_w, int dst_h, int shuffle) {
    Columns columns = {0};
    uint8_t *row = malloc((size_t)src_w + ROW_PAD);
    if (!row || columns_init(&columns, src_w, dst_w) < 0) {
        free(row);
        columns_free(&columns);
        return -1;
    }
    int64_t step = step_for(src_h, dst_h);
    for (int y = 0; y < dst_h; y++) {
        int64_t position = source_position(y, step, src_h);
        int top = (int)(position >> 16);
        int below = top + 1 < src_h ? top + 1 : top;
        blend_rows(src + top * src_stride, src + below * src_stride, (int)((position >> 9) & 127), row, src_w);
#ifdef SHUFFLE_PATH
        if (shuffle) {
            filter_row_shuffle(row, dst + y * dst_stride, dst_w, &columns);
            continue;
        }
#endif
        filter_row_plain(row, dst + y * dst_stride, dst_w, &columns);
    }
    free(row);
    columns_free(&columns);
    return 0;
}

static int shuffle_available;

static int fits(int src, int dst) { return src > 0 && dst > 0 && (int64_t)dst * 2 >= src; }

/* i420_scale(y, y_stride, u, u_stride, v, v_stride, width, height,
 *            y, y_stride, u, u_stride, v, v_stride, width, height[, simd]) with plane addresses as ints */
static PyObject *i420_scale(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 16 && nargs != 17) {
        PyErr_SetString(PyExc_TypeError, "i420_scale takes 16 or 17 integer arguments");
        return NULL;
    }
    Py_ssize_t v[17];
    for (Py_ssize_t i = 0; i < nargs; i++) {
        v[i] = PyLong_AsSsize_t(args[i]);
        if (v[i] == -1 && PyErr_Occurred()) return NULL;
    }
    int shuffle = shuffle_available && (nargs == 16 || v[16]);
    int sw = (int)v[6], sh = (int)v[7], dw = (int)v[14], dh = (int)v[15];
    if (sw < 2 || sh < 2 || dw < 2 || dh < 2 || (sw | sh | dw | dh) & 1 || !fits(sw, dw) || !fits(sh, dh)) {
        PyErr_Format(PyExc_ValueError, "cannot scale %dx%d to %dx%d (even sizes, shrinking by at most half)", sw,
                     sh, dw, dh);
        return NULL;
    }
    int failed = 0;
    Py_BEGIN_ALLOW_THREADS
    for (int p = 0; p < 3 && !failed; p++) {
        int shift = p ? 1 : 0; /* chroma planes are half size */
        failed = scale_plane((const uint8_t *)v[2 * p], v[2 * p + 1], sw >> shift, sh >> shift,
                             (uint8_t *)v[8 + 2 * p], v[8 + 2 * p + 1], dw >> shift, dh >> shift, shuffle);
    }
    Py_END_ALLOW_THREADS
    if (failed) return PyErr_NoMemory();
    Py_RETURN_NONE;
}

static PyObject *uses_shuffle(PyObject *self, PyObject *unused) { return PyBool_FromLong(shuffle_available); }

static PyMethodDef methods[] = {
    {"i420_scale", (PyCFunction)(void (*)(void))i420_scale, METH_FASTCALL,
     "Scale an I420 picture between plane addresses (bilinear, shrinking by at most 1/2)."},
    {"uses_shuffle", uses_shuffle, METH_NOARGS, "Whether this CPU takes the SSSE3 path."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_bilinear", NULL, -1, methods};

PyMODINIT_FUNC PyInit__bilinear(void) {
    shuffle_available = shuffle_supported();
    return PyModule_Create(&module);
}
