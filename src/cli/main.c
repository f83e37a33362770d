/* placeholder replaced below */
#include "mot/mot.h"
#include <stdio.h>
int main(void) { printf("mot %s\n", mot_version()); return 0; }
