/* cache.c: the result cache's folder and entries (cache.h). */
#define _POSIX_C_SOURCE 200809L
#include "driver/cache.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/hash.h"
#include "driver/build_id.h"
#include "driver/walk.h"

static const char *const kind_names[VL_CACHE_KINDS] = {"scan", "job"};

struct VlCache {
  char *dir;
  char *folders[VL_CACHE_KINDS]; /* dir/<version>/<kind> */
  bool read;
  uint64_t build;
  char build_hex[17];
  atomic_size_t asked[VL_CACHE_KINDS], found[VL_CACHE_KINDS], written, failed;
  atomic_size_t temps; /* temporary files made: part of their names */
};

/* mkdir -p: true when `path` is a folder afterwards. */
static bool make_folder(const char *path) {
  char *p = vl_xstrdup(path);
  for (char *s = p + 1; *s; s++)
    if (*s == '/') {
      *s = '\0';
      mkdir(p, 0777);
      *s = '/';
    }
  mkdir(p, 0777);
  struct stat st;
  bool ok = stat(p, &st) == 0 && S_ISDIR(st.st_mode);
  free(p);
  return ok;
}

/* Writes folder/name through a temporary file in the same folder and rename(2), so that readers see
 * the whole file or none.  The temporary file is named after this process and a counter (O_EXCL:
 * one left by a process that died with the same id is skipped); its mode is what the umask allows
 * of rw-rw-rw-, as any file the user makes. */
static bool put_file(VlCache *c, const char *folder, const char *name, const char *data, size_t len) {
  VlBuf tmp = {0}, final = {0};
  vl_buf_printf(&final, "%s/%s", folder, name);
  int fd = -1;
  for (int attempt = 0; fd < 0 && attempt < 16; attempt++) {
    tmp.len = 0;
    vl_buf_printf(&tmp, "%s/.tmp-%ld-%zu", folder, (long)getpid(), atomic_fetch_add(&c->temps, 1));
    fd = open(tmp.data, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) break;
  }
  bool ok = fd >= 0;
  for (size_t off = 0; ok && off < len;) {
    ssize_t w = write(fd, data + off, len - off);
    if (w < 0 && errno == EINTR) continue;
    ok = w > 0;
    if (ok) off += (size_t)w;
  }
  if (fd >= 0) ok = close(fd) == 0 && ok;
  if (ok) ok = rename(tmp.data, final.data) == 0;
  if (!ok && fd >= 0) unlink(tmp.data);
  vl_buf_free(&tmp);
  vl_buf_free(&final);
  return ok;
}

/* Writes folder/name unless it exists. */
static void put_marker(VlCache *c, const char *folder, const char *name, const char *text) {
  VlBuf path = {0};
  vl_buf_printf(&path, "%s/%s", folder, name);
  struct stat st;
  if (stat(path.data, &st) != 0) put_file(c, folder, name, text, strlen(text));
  vl_buf_free(&path);
}

/* The build's identity: the linker's build-id note when the program has one (nothing to read), else
 * the running executable's bytes, hashed as they are read (holding the whole file would be most of a
 * small run's memory).  0 with err filled when neither can be had. */
static bool build_identity(uint64_t *build, char *err, size_t errlen) {
  *build = vl_hash_str(VL_HASH_SEED, VL_VERSION);
  size_t idlen;
  const unsigned char *id = vl_build_id(&idlen);
  if (id) {
    *build = vl_hash(vl_hash_str(*build, "build-id"), id, idlen);
    return true;
  }
  FILE *exe = fopen("/proc/self/exe", "rb");
  char chunk[65536];
  size_t n;
  while (exe && (n = fread(chunk, 1, sizeof chunk, exe)) > 0) *build = vl_hash(*build, chunk, n);
  if (!exe || ferror(exe)) {
    snprintf(err, errlen, "cannot read the running executable to identify the build (/proc/self/exe: %s)",
             strerror(errno ? errno : EIO));
    if (exe) fclose(exe);
    return false;
  }
  fclose(exe);
  return true;
}

VlCache *vl_cache_open(const char *dir, bool read, char *err, size_t errlen) {
  uint64_t build;
  if (!build_identity(&build, err, errlen)) return NULL;
  VlCache *c = vl_xcalloc(1, sizeof(VlCache));
  c->dir = vl_xstrdup(dir);
  c->read = read;
  c->build = build;
  snprintf(c->build_hex, sizeof c->build_hex, "%016" PRIx64, c->build);
  if (!make_folder(dir)) {
    snprintf(err, errlen, "cannot make the cache folder %s: %s", dir, strerror(errno));
    vl_cache_delete(c);
    return NULL;
  }
  put_marker(c, dir, ".gitignore", "# Automatically created by viewleak.\n*\n");
  put_marker(c, dir, "CACHEDIR.TAG",
             "Signature: 8a477f597d28d172789f06886806bc55\n"
             "# This file is a cache directory tag created by viewleak.\n"
             "# For information about cache directory tags see https://bford.info/cachedir/\n");
  for (int k = 0; k < VL_CACHE_KINDS; k++) {
    VlBuf b = {0};
    vl_buf_printf(&b, "%s/%s/%s", dir, VL_VERSION, kind_names[k]);
    c->folders[k] = b.data;
    if (!make_folder(b.data)) {
      snprintf(err, errlen, "cannot make the cache folder %s: %s", b.data, strerror(errno));
      vl_cache_delete(c);
      return NULL;
    }
  }
  return c;
}

void vl_cache_delete(VlCache *self) {
  if (!self) return;
  free(self->dir);
  for (int k = 0; k < VL_CACHE_KINDS; k++) free(self->folders[k]);
  free(self);
}

uint64_t vl_cache_build(const VlCache *self) { return self->build; }

static void entry_name(uint64_t key, char name[32]) { snprintf(name, 32, "%016" PRIx64 ".json", key); }

static bool member_is(const cJSON *o, const char *name, const char *want) {
  const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, name);
  return cJSON_IsString(m) && strcmp(m->valuestring, want) == 0;
}

cJSON *vl_cache_get(VlCache *self, VlCacheKind kind, uint64_t key) {
  if (!self->read) return NULL;
  atomic_fetch_add(&self->asked[kind], 1);
  char name[32], why[256], *text, hex[17];
  entry_name(key, name);
  snprintf(hex, sizeof hex, "%016" PRIx64, key);
  VlBuf path = {0};
  vl_buf_printf(&path, "%s/%s", self->folders[kind], name);
  size_t len;
  bool read = vl_read_file(path.data, &text, &len, why, sizeof why);
  vl_buf_free(&path);
  if (!read) return NULL;
  cJSON *e = cJSON_ParseWithLength(text, len);
  free(text);
  if (!cJSON_IsObject(e) || !member_is(e, "viewleak", VL_VERSION) || !member_is(e, "build", self->build_hex) ||
      !member_is(e, "kind", kind_names[kind]) || !member_is(e, "key", hex)) {
    cJSON_Delete(e);
    return NULL;
  }
  atomic_fetch_add(&self->found[kind], 1);
  return e;
}

bool vl_cache_put(VlCache *self, VlCacheKind kind, uint64_t key, cJSON *entry) {
  char name[32], hex[17];
  entry_name(key, name);
  snprintf(hex, sizeof hex, "%016" PRIx64, key);
  cJSON_AddStringToObject(entry, "viewleak", VL_VERSION);
  cJSON_AddStringToObject(entry, "build", self->build_hex);
  cJSON_AddStringToObject(entry, "kind", kind_names[kind]);
  cJSON_AddStringToObject(entry, "key", hex);
  char *text = cJSON_PrintUnformatted(entry);
  bool ok = text && put_file(self, self->folders[kind], name, text, strlen(text));
  cJSON_free(text);
  atomic_fetch_add(ok ? &self->written : &self->failed, 1);
  return ok;
}

VlCacheStats vl_cache_stats(const VlCache *self) {
  VlCacheStats s = {.written = atomic_load(&self->written), .failed = atomic_load(&self->failed)};
  for (int k = 0; k < VL_CACHE_KINDS; k++) {
    s.asked[k] = atomic_load(&self->asked[k]);
    s.found[k] = atomic_load(&self->found[k]);
  }
  return s;
}
