/* build_id.c: the running program's GNU build-id note (build_id.h). */
#define _GNU_SOURCE
#include "driver/build_id.h"

#include <elf.h>
#include <link.h>
#include <string.h>

typedef struct Found {
  const unsigned char *id;
  size_t len;
} Found;

/* Looks through one PT_NOTE segment of `info`'s object for NT_GNU_BUILD_ID. */
static void scan_notes(const struct dl_phdr_info *info, const ElfW(Phdr) *ph, Found *out) {
  size_t align = ph->p_align == 8 ? 8 : 4; /* notes are padded to their segment's alignment */
  const unsigned char *p = (const unsigned char *)(info->dlpi_addr + ph->p_vaddr);
  const unsigned char *end = p + ph->p_memsz;
  while ((size_t)(end - p) >= sizeof(ElfW(Nhdr))) {
    ElfW(Nhdr) nh;
    memcpy(&nh, p, sizeof nh);
    size_t name = (nh.n_namesz + align - 1) & ~(align - 1), desc = (nh.n_descsz + align - 1) & ~(align - 1);
    const unsigned char *n = p + sizeof nh;
    if ((size_t)(end - n) < name || (size_t)(end - n - name) < nh.n_descsz) return; /* truncated */
    if (nh.n_type == NT_GNU_BUILD_ID && nh.n_namesz == 4 && memcmp(n, "GNU", 4) == 0 && nh.n_descsz) {
      out->id = n + name;
      out->len = nh.n_descsz;
      return;
    }
    if ((size_t)(end - n - name) < desc) return;
    p = n + name + desc;
  }
}

/* dl_iterate_phdr visits the main program first: look there and stop. */
static int first_object(struct dl_phdr_info *info, size_t size, void *data) {
  (void)size;
  Found *out = data;
  for (ElfW(Half) i = 0; i < info->dlpi_phnum && !out->id; i++)
    if (info->dlpi_phdr[i].p_type == PT_NOTE) scan_notes(info, &info->dlpi_phdr[i], out);
  return 1;
}

const unsigned char *vl_build_id(size_t *len) {
  Found f = {0};
  dl_iterate_phdr(first_object, &f);
  *len = f.len;
  return f.id;
}
