/*
** fuzz_ini.c: libFuzzer target for mot.ini (mot_config_parse).
**
** The input is the whole file. Parsing must never crash, read out of
** bounds or leak, whatever the bytes; every error must be a data error
** with a position, and a successful parse must leave a usable config.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mot/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mot_config cfg;
    mot_diag diag;
    mot_error err;
    if (mot_config_init(&cfg) != MOT_OK)
        return 0;
    mot_diag_init(&diag, 0);
    mot_status st = mot_config_parse(&cfg, "mot.ini", (const char *)data,
                                     size, &err, &diag);
    if (st == MOT_OK) {
        if (diag.total != 0 || !(cfg.scale.max > cfg.scale.min) ||
            cfg.scale.neutral < cfg.scale.min ||
            cfg.scale.neutral > cfg.scale.max || !cfg.overall_col[0])
            abort();
        for (size_t i = 0; i < cfg.nstage_order; i++)
            if (cfg.stage_order[i][0] == '\0')
                abort();
    } else if (st == MOT_EDATA) {
        if (diag.total == 0 || err.line == 0 || err.column == 0 ||
            strcmp(err.file, "mot.ini") != 0)
            abort();
    }
    mot_diag_free(&diag);
    mot_config_free(&cfg);
    return 0;
}
