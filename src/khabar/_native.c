/* khabar._native: optional C versions of the per-token loops in khabar.document.
 *
 * Each function returns exactly what the pure-Python code next to it in document.py returns
 * (tests/test_native.py compares both on real and random text); document.py falls back to
 * that code when this module is not built or KHABAR_PURE_PYTHON is set.
 *
 *   tokenize(text) -> (words, starts, ends, joins)
 *   find_chars(text, chars) -> offsets of the characters of text that are one of chars
 *   find_char_sets(text, sets) -> [find_chars(text, chars) for chars in sets], in one pass
 *   lookup(words, cache) -> (records with None where a word is not cached, distinct missing words)
 *   fill(records, words, new) -> None; records[i] = new[words[i]] where records[i] is None
 *   columns(records) -> (norms, splits, phrase_starts)
 *   scan(phrase_starts, norms, joins, starts, ends, words, phrases, prefixes, match_type,
 *        gazetteer) -> (matches, by_first, by_span, by_label): the list of
 *        match_type(first, last, start, end, key, slot, stripped, gazetteer) in scan order (a slots
 *        dataclass like document.Match is filled in place, without calling its __init__), first
 *        token -> its matches, (first, last) -> the first match of that span, label -> matches
 *        carrying it (in scan order)
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h> /* T_OBJECT_EX */

/* Arabic marks and tatweel: inside a word, and skipped when counting a word's letters
 * (text.WORD_CHARS / text._MARKS). */
static inline int
is_mark(Py_UCS4 c)
{
    return (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
           (c >= 0x06D6 && c <= 0x06ED) || c == 0x0640;
}

/* re's \w on str patterns is "alphanumeric or underscore" (Modules/_sre: SRE_UNI_IS_WORD). */
static inline int
is_word_char(Py_UCS4 c)
{
    if (c < 0x80) /* (ASCII and the Arabic letters and marks, most characters: no table look-up) */
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (c >= 0x0621 && c <= 0x065F) /* hamza .. yeh, tatweel, harakat */
        return 1;
    return Py_UNICODE_ISALNUM(c) || is_mark(c);
}

/* Characters a gap may hold while its two words stay one phrase (document._GAP_RE). */
static inline int
is_joining_char(Py_UCS4 c)
{
    return c == ' ' || c == '\t' || c == 0x00A0 || (c >= 0x200C && c <= 0x200F) || c == '-' ||
           c == 0x2010 || c == 0x2013;
}

static int
append_steal(PyObject *list, PyObject *item)
{
    if (item == NULL)
        return -1;
    int rc = PyList_Append(list, item);
    Py_DECREF(item);
    return rc;
}

static PyObject *
tokenize(PyObject *self, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "tokenize() needs a str");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *words = PyList_New(0), *starts = PyList_New(0), *ends = PyList_New(0),
             *joins = PyList_New(0);
    if (!words || !starts || !ends || !joins)
        goto fail;
    Py_ssize_t i = 0, prev_end = -1;
    while (i < n) {
        if (!is_word_char(PyUnicode_READ(kind, data, i))) {
            i++;
            continue;
        }
        Py_ssize_t s = i;
        while (i < n && is_word_char(PyUnicode_READ(kind, data, i)))
            i++;
        if (prev_end >= 0) {
            int joined = 1;
            for (Py_ssize_t k = prev_end; k < s; k++) {
                if (!is_joining_char(PyUnicode_READ(kind, data, k))) {
                    joined = 0;
                    break;
                }
            }
            if (PyList_Append(joins, joined ? Py_True : Py_False) < 0)
                goto fail;
        }
        if (append_steal(words, PyUnicode_Substring(text, s, i)) < 0 ||
            append_steal(starts, PyLong_FromSsize_t(s)) < 0 ||
            append_steal(ends, PyLong_FromSsize_t(i)) < 0)
            goto fail;
        prev_end = i;
    }
    if (PyList_Append(joins, Py_False) < 0)
        goto fail;
    return Py_BuildValue("(NNNN)", words, starts, ends, joins);
fail:
    Py_XDECREF(words);
    Py_XDECREF(starts);
    Py_XDECREF(ends);
    Py_XDECREF(joins);
    return NULL;
}

/* (records, missing): the cached record of each word, None where there is none, and the
 * distinct missing words in order of first appearance. */
static PyObject *
lookup(PyObject *self, PyObject *args)
{
    PyObject *words, *cache;
    if (!PyArg_ParseTuple(args, "O!O!", &PyList_Type, &words, &PyDict_Type, &cache))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(words);
    PyObject *out = PyList_New(n), *missing = PyList_New(0), *seen = NULL;
    if (out == NULL || missing == NULL)
        goto fail;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *word = PyList_GET_ITEM(words, i);
        PyObject *rec = PyDict_GetItemWithError(cache, word);
        if (rec == NULL) {
            if (PyErr_Occurred())
                goto fail;
            if (seen == NULL && (seen = PySet_New(NULL)) == NULL)
                goto fail;
            int known = PySet_Contains(seen, word);
            if (known < 0 || (!known && (PySet_Add(seen, word) < 0 || PyList_Append(missing, word) < 0)))
                goto fail;
            rec = Py_None;
        }
        Py_INCREF(rec);
        PyList_SET_ITEM(out, i, rec);
    }
    Py_XDECREF(seen);
    return Py_BuildValue("(NN)", out, missing);
fail:
    Py_XDECREF(out);
    Py_XDECREF(missing);
    Py_XDECREF(seen);
    return NULL;
}

/* fill(records, words, new): records[i] = new[words[i]] where records[i] is None. */
static PyObject *
fill(PyObject *self, PyObject *args)
{
    PyObject *records, *words, *new;
    if (!PyArg_ParseTuple(args, "O!O!O!", &PyList_Type, &records, &PyList_Type, &words, &PyDict_Type,
                          &new))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(records);
    if (PyList_GET_SIZE(words) != n) {
        PyErr_SetString(PyExc_ValueError, "fill(): records and words differ in length");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyList_GET_ITEM(records, i) != Py_None)
            continue;
        PyObject *rec = PyDict_GetItemWithError(new, PyList_GET_ITEM(words, i));
        if (rec == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetObject(PyExc_KeyError, PyList_GET_ITEM(words, i));
            return NULL;
        }
        Py_INCREF(rec);
        PyList_SetItem(records, i, rec); /* drops the None */
    }
    Py_RETURN_NONE;
}

static PyObject *
columns(PyObject *self, PyObject *records)
{
    if (!PyList_Check(records)) {
        PyErr_SetString(PyExc_TypeError, "columns() needs a list");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(records);
    PyObject *cols[3] = {PyList_New(n), PyList_New(n), PyList_New(n)};
    if (!cols[0] || !cols[1] || !cols[2])
        goto fail;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *rec = PyList_GET_ITEM(records, i);
        if (!PyTuple_Check(rec) || PyTuple_GET_SIZE(rec) < 3) {
            PyErr_SetString(PyExc_TypeError, "a word record must be a 3-tuple");
            goto fail;
        }
        for (int c = 0; c < 3; c++) {
            PyObject *item = PyTuple_GET_ITEM(rec, c);
            Py_INCREF(item);
            PyList_SET_ITEM(cols[c], i, item);
        }
    }
    return Py_BuildValue("(NNN)", cols[0], cols[1], cols[2]);
fail:
    for (int c = 0; c < 3; c++)
        Py_XDECREF(cols[c]);
    return NULL;
}

/* Index in word just after its first `count` letters (text.skip_letters). */
static Py_ssize_t
skip_letters(PyObject *word, Py_ssize_t count)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(word), i = 0, seen = 0;
    int kind = PyUnicode_KIND(word);
    const void *data = PyUnicode_DATA(word);
    while (i < n && seen < count) {
        i++;
        seen++;
        while (i < n && is_mark(PyUnicode_READ(kind, data, i)))
            i++;
    }
    return i;
}

/* "a" + " " + "b" */
static PyObject *
join_key(PyObject *a, PyObject *b)
{
    Py_ssize_t la = PyUnicode_GET_LENGTH(a), lb = PyUnicode_GET_LENGTH(b);
    Py_UCS4 maxchar = PyUnicode_MAX_CHAR_VALUE(a);
    if (PyUnicode_MAX_CHAR_VALUE(b) > maxchar)
        maxchar = PyUnicode_MAX_CHAR_VALUE(b);
    PyObject *out = PyUnicode_New(la + 1 + lb, maxchar);
    if (out == NULL)
        return NULL;
    if (PyUnicode_CopyCharacters(out, 0, a, 0, la) < 0 ||
        PyUnicode_WriteChar(out, la, ' ') < 0 ||
        PyUnicode_CopyCharacters(out, la + 1, b, 0, lb) < 0) {
        Py_DECREF(out);
        return NULL;
    }
    return out;
}

/* by_label[label].append(m) for every label (key) of the slot dict. */
static int
add_labels(PyObject *by_label, PyObject *slot, PyObject *m)
{
    if (!PyDict_Check(slot))
        return 0;
    Py_ssize_t pos = 0;
    PyObject *label, *value;
    while (PyDict_Next(slot, &pos, &label, &value)) {
        PyObject *list = PyDict_GetItemWithError(by_label, label);
        if (list == NULL) {
            if (PyErr_Occurred())
                return -1;
            list = PyList_New(0);
            if (list == NULL)
                return -1;
            int rc = PyDict_SetItem(by_label, label, list);
            Py_DECREF(list); /* the dict holds it */
            if (rc < 0)
                return -1;
        }
        if (PyList_Append(list, m) < 0)
            return -1;
    }
    return 0;
}

/* How scan makes a match: a slots class whose eight fields (in __init__'s order) are plain
 * object slots, a dataclass without __post_init__, gets a new instance with the slots filled in
 * place, as its __init__ would; calling the class would run that __init__ in Python (a frame per
 * match, ~100 matches per article). Any other class is called. */
static const char *MATCH_FIELDS[8] = {"first", "last", "start", "end", "key", "labels", "stripped", "gazetteer"};

typedef struct {
    PyObject *type;
    int direct;             /* fill the slots at these offsets instead of calling type */
    Py_ssize_t offsets[8];
} MatchMaker;

static int
match_maker(PyObject *type, MatchMaker *maker)
{
    maker->type = type;
    maker->direct = 0;
    if (!PyType_Check(type) || ((PyTypeObject *)type)->tp_alloc == NULL)
        return 0;
    PyObject *post = PyObject_GetAttrString(type, "__post_init__"); /* (a hook __init__ would run) */
    if (post != NULL) {
        Py_DECREF(post);
        return 0;
    }
    PyErr_Clear();
    PyObject *fields = PyObject_GetAttrString(type, "__dataclass_fields__"); /* (its own __init__) */
    if (fields == NULL) {
        PyErr_Clear();
        return 0;
    }
    int same = PyDict_Check(fields) && PyDict_GET_SIZE(fields) == 8;
    PyObject *name, *value;
    for (Py_ssize_t pos = 0, f = 0; same && PyDict_Next(fields, &pos, &name, &value); f++)
        same = PyUnicode_Check(name) && PyUnicode_CompareWithASCIIString(name, MATCH_FIELDS[f]) == 0;
    Py_DECREF(fields);
    if (!same)
        return 0;
    for (int f = 0; f < 8; f++) {
        PyObject *d = PyObject_GetAttrString(type, MATCH_FIELDS[f]);
        if (d == NULL) {
            PyErr_Clear();
            return 0;
        }
        int slot = Py_IS_TYPE(d, &PyMemberDescr_Type) &&
                   ((PyMemberDescrObject *)d)->d_member->type == T_OBJECT_EX &&
                   !(((PyMemberDescrObject *)d)->d_member->flags & READONLY);
        if (slot)
            maker->offsets[f] = ((PyMemberDescrObject *)d)->d_member->offset;
        Py_DECREF(d);
        if (!slot)
            return 0;
    }
    maker->direct = 1;
    return 0;
}

static PyObject *
make_match(const MatchMaker *maker, PyObject *const argv[8])
{
    if (!maker->direct)
        return PyObject_Vectorcall(maker->type, argv, 8, NULL);
    PyTypeObject *tp = (PyTypeObject *)maker->type;
    PyObject *m = tp->tp_alloc(tp, 0);
    if (m == NULL)
        return NULL;
    for (int f = 0; f < 8; f++) {
        Py_INCREF(argv[f]);
        *(PyObject **)((char *)m + maker->offsets[f]) = argv[f];
    }
    return m;
}

/* Appends a match (first, last, start, end, key, slot, stripped, gazetteer) to out, to group
 * (the list of matches at token `first`) and to by_label[label] for each of its labels, and makes
 * it by_span[(first, last)] unless that span already has a match. */
static int
add_match(PyObject *out, PyObject *group, PyObject *by_span, PyObject *by_label, const MatchMaker *maker,
          PyObject *first, Py_ssize_t last, Py_ssize_t start, PyObject *end, PyObject *key,
          PyObject *slot, PyObject *stripped, PyObject *gazetteer)
{
    PyObject *l = PyLong_FromSsize_t(last), *s = PyLong_FromSsize_t(start);
    PyObject *m = NULL, *span = NULL;
    int rc = -1;
    if (l && s) {
        PyObject *argv[8] = {first, l, s, end, key, slot, stripped, gazetteer};
        m = make_match(maker, argv);
    }
    if (m != NULL && (span = PyTuple_Pack(2, first, l)) != NULL && PyList_Append(out, m) == 0 &&
        PyList_Append(group, m) == 0 && PyDict_SetDefault(by_span, span, m) != NULL &&
        add_labels(by_label, slot, m) == 0)
        rc = 0;
    Py_XDECREF(l);
    Py_XDECREF(s);
    Py_XDECREF(m);
    Py_XDECREF(span);
    return rc;
}

static PyObject *
scan(PyObject *self, PyObject *args)
{
    PyObject *found, *norms, *joins, *starts, *ends, *words, *phrases, *prefixes, *match_type,
        *gazetteer;
    if (!PyArg_ParseTuple(args, "O!O!O!O!O!O!O!OOO", &PyList_Type, &found, &PyList_Type, &norms,
                          &PyList_Type, &joins, &PyList_Type, &starts, &PyList_Type, &ends,
                          &PyList_Type, &words, &PyDict_Type, &phrases, &prefixes, &match_type,
                          &gazetteer))
        return NULL;
    MatchMaker maker;
    match_maker(match_type, &maker);
    Py_ssize_t n = PyList_GET_SIZE(found);
    if (PyList_GET_SIZE(norms) < n || PyList_GET_SIZE(joins) < n || PyList_GET_SIZE(starts) < n ||
        PyList_GET_SIZE(ends) < n || PyList_GET_SIZE(words) < n) {
        PyErr_SetString(PyExc_ValueError, "scan(): token lists of different lengths");
        return NULL;
    }
    PyObject *out = PyList_New(0), *by_first = PyDict_New(), *by_span = PyDict_New();
    PyObject *by_label = PyDict_New();
    PyObject *readings = NULL, *first = NULL, *group = NULL;
    if (out == NULL || by_first == NULL || by_span == NULL || by_label == NULL)
        goto fail;
    for (Py_ssize_t i = 0; i < n; i++) {
        readings = PyList_GET_ITEM(found, i);
        if (!PyTuple_Check(readings)) {
            PyErr_SetString(PyExc_TypeError, "scan(): phrase starts must be tuples");
            goto fail;
        }
        Py_ssize_t nr = PyTuple_GET_SIZE(readings);
        if (nr == 0)
            continue;
        Py_INCREF(readings); /* its items are used across calls into Python (Match.__init__) */
        first = PyLong_FromSsize_t(i);
        group = PyList_New(0);
        if (first == NULL || group == NULL)
            goto fail_readings;
        for (Py_ssize_t r = 0; r < nr; r++) {
            PyObject *reading = PyTuple_GET_ITEM(readings, r);
            if (!PyTuple_Check(reading) || PyTuple_GET_SIZE(reading) != 4) {
                PyErr_SetString(PyExc_TypeError, "scan(): a phrase start must be a 4-tuple");
                goto fail_readings;
            }
            PyObject *stripped = PyTuple_GET_ITEM(reading, 0), *stem = PyTuple_GET_ITEM(reading, 1);
            PyObject *slot = PyTuple_GET_ITEM(reading, 3);
            Py_ssize_t nstrip = PyLong_AsSsize_t(stripped);
            Py_ssize_t max_len = PyLong_AsSsize_t(PyTuple_GET_ITEM(reading, 2));
            if ((nstrip == -1 || max_len == -1) && PyErr_Occurred())
                goto fail_readings;
            Py_ssize_t start = PyLong_AsSsize_t(PyList_GET_ITEM(starts, i));
            if (start == -1 && PyErr_Occurred())
                goto fail_readings;
            if (nstrip)
                start += skip_letters(PyList_GET_ITEM(words, i), nstrip);
            int truthy = PyObject_IsTrue(slot);
            if (truthy < 0)
                goto fail_readings;
            if (truthy && add_match(out, group, by_span, by_label, &maker, first, i, start,
                                    PyList_GET_ITEM(ends, i), stem, slot, stripped, gazetteer) < 0)
                goto fail_readings;
            if (max_len == 1 || PyList_GET_ITEM(joins, i) != Py_True || i + 1 >= n)
                continue;
            Py_ssize_t j = i + 1;
            PyObject *key = join_key(stem, PyList_GET_ITEM(norms, j));
            if (key == NULL)
                goto fail_readings;
            while (1) {
                PyObject *got = PyDict_GetItemWithError(phrases, key);
                if (got == NULL && PyErr_Occurred()) {
                    Py_DECREF(key);
                    goto fail_readings;
                }
                if (got != NULL) {
                    truthy = PyObject_IsTrue(got);
                    if (truthy < 0 ||
                        (truthy && add_match(out, group, by_span, by_label, &maker, first, j, start,
                                             PyList_GET_ITEM(ends, j), key, got, stripped,
                                             gazetteer) < 0)) {
                        Py_DECREF(key);
                        goto fail_readings;
                    }
                }
                if (j - i + 1 >= max_len || PyList_GET_ITEM(joins, j) != Py_True || j + 1 >= n)
                    break;
                int more = PySequence_Contains(prefixes, key);
                if (more < 0) {
                    Py_DECREF(key);
                    goto fail_readings;
                }
                if (!more)
                    break;
                j++;
                PyObject *next = join_key(key, PyList_GET_ITEM(norms, j));
                Py_DECREF(key);
                if (next == NULL)
                    goto fail_readings;
                key = next;
            }
            Py_DECREF(key);
        }
        if (PyList_GET_SIZE(group) > 0 && PyDict_SetItem(by_first, first, group) < 0)
            goto fail_readings;
        Py_CLEAR(first);
        Py_CLEAR(group);
        Py_DECREF(readings);
    }
    return Py_BuildValue("(NNNN)", out, by_first, by_span, by_label);
fail_readings:
    Py_DECREF(readings);
    Py_XDECREF(first);
    Py_XDECREF(group);
fail:
    Py_XDECREF(out);
    Py_XDECREF(by_first);
    Py_XDECREF(by_span);
    Py_XDECREF(by_label);
    return NULL;
}

/* Offsets of every character of text that is one of chars (a str). */
static PyObject *
find_chars(PyObject *self, PyObject *args)
{
    PyObject *text, *chars;
    if (!PyArg_ParseTuple(args, "UU", &text, &chars))
        return NULL;
    unsigned char bitmap[8192] = {0}; /* characters U+0000..U+FFFF */
    Py_ssize_t nc = PyUnicode_GET_LENGTH(chars);
    int ckind = PyUnicode_KIND(chars);
    const void *cdata = PyUnicode_DATA(chars);
    int astral = 0;
    for (Py_ssize_t k = 0; k < nc; k++) {
        Py_UCS4 c = PyUnicode_READ(ckind, cdata, k);
        if (c > 0xFFFF)
            astral = 1;
        else
            bitmap[c >> 3] |= (unsigned char)(1u << (c & 7));
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    /* One loop per string kind: reading through PyUnicode_READ switches on the kind at every
     * character (most texts are UCS-2: Arabic). */
#define HIT(c) (bitmap[(c) >> 3] & (1u << ((c) & 7)))
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *p = data;
        for (Py_ssize_t i = 0; i < n; i++)
            if (HIT(p[i]) && append_steal(out, PyLong_FromSsize_t(i)) < 0)
                goto fail;
    }
    else if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *p = data;
        for (Py_ssize_t i = 0; i < n; i++)
            if (HIT(p[i]) && append_steal(out, PyLong_FromSsize_t(i)) < 0)
                goto fail;
    }
    else {
        const Py_UCS4 *p = data;
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_UCS4 c = p[i];
            int hit = 0;
            if (c <= 0xFFFF)
                hit = HIT(c);
            else if (astral)
                for (Py_ssize_t k = 0; k < nc && !hit; k++)
                    hit = PyUnicode_READ(ckind, cdata, k) == c;
            if (hit && append_steal(out, PyLong_FromSsize_t(i)) < 0)
                goto fail;
        }
    }
#undef HIT
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

/* [find_chars(text, chars) for chars in sets] (a tuple of str), in one pass over the text. */
static PyObject *
find_char_sets(PyObject *self, PyObject *args)
{
    PyObject *text, *sets;
    if (!PyArg_ParseTuple(args, "UO!", &text, &PyTuple_Type, &sets))
        return NULL;
    Py_ssize_t ns = PyTuple_GET_SIZE(sets);
    unsigned char bitmap[8192] = {0}; /* characters U+0000..U+FFFF of any set */
    int astral = 0;
    for (Py_ssize_t k = 0; k < ns; k++) {
        PyObject *chars = PyTuple_GET_ITEM(sets, k);
        if (!PyUnicode_Check(chars)) {
            PyErr_SetString(PyExc_TypeError, "find_char_sets(): the sets must be str");
            return NULL;
        }
        int ckind = PyUnicode_KIND(chars);
        const void *cdata = PyUnicode_DATA(chars);
        for (Py_ssize_t j = 0; j < PyUnicode_GET_LENGTH(chars); j++) {
            Py_UCS4 c = PyUnicode_READ(ckind, cdata, j);
            if (c > 0xFFFF)
                astral = 1;
            else
                bitmap[c >> 3] |= (unsigned char)(1u << (c & 7));
        }
    }
    PyObject *out = PyList_New(ns);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t k = 0; k < ns; k++) {
        PyObject *list = PyList_New(0);
        if (list == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        PyList_SET_ITEM(out, k, list);
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    /* a character of some set: the offset goes to each set that holds it (few characters do) */
#define ADD_TO_SETS(c, i)                                                                          \
    for (Py_ssize_t k = 0; k < ns; k++) {                                                          \
        PyObject *chars = PyTuple_GET_ITEM(sets, k);                                               \
        if (PyUnicode_FindChar(chars, (c), 0, PyUnicode_GET_LENGTH(chars), 1) >= 0 &&              \
            append_steal(PyList_GET_ITEM(out, k), PyLong_FromSsize_t(i)) < 0)                      \
            goto fail;                                                                             \
    }
#define HIT(c) (bitmap[(c) >> 3] & (1u << ((c) & 7)))
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *p = data;
        for (Py_ssize_t i = 0; i < n; i++)
            if (HIT(p[i]))
                ADD_TO_SETS(p[i], i)
    }
    else if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *p = data;
        for (Py_ssize_t i = 0; i < n; i++)
            if (HIT(p[i]))
                ADD_TO_SETS(p[i], i)
    }
    else {
        const Py_UCS4 *p = data;
        for (Py_ssize_t i = 0; i < n; i++)
            if (p[i] <= 0xFFFF ? HIT(p[i]) : astral)
                ADD_TO_SETS(p[i], i)
    }
#undef HIT
#undef ADD_TO_SETS
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

static PyMethodDef methods[] = {
    {"tokenize", tokenize, METH_O, "(words, starts, ends, joins) of a text."},
    {"find_chars", find_chars, METH_VARARGS, "Offsets of the characters of text that are in chars."},
    {"find_char_sets", find_char_sets, METH_VARARGS, "find_chars of several character sets, in one pass."},
    {"lookup", lookup, METH_VARARGS, "(records, missing words) of words in a cache."},
    {"fill", fill, METH_VARARGS, "Fill the missing records from a dict of new ones."},
    {"columns", columns, METH_O, "(norms, splits, phrase starts) of word records."},
    {"scan", scan, METH_VARARGS, "Lexicon matches of a tokenised document, and three indexes."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "khabar._native", "C versions of khabar.document's per-token loops.", -1,
    methods,
};

PyMODINIT_FUNC
PyInit__native(void)
{
    PyObject *m = PyModule_Create(&module);
    /* document.py uses this module only when API is the version it was written for */
    if (m != NULL && PyModule_AddIntConstant(m, "API", 7) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
