/* test_project.c: mot_project_load on whole folders: the malformed-input
** matrix (each case a tiny project with one thing wrong, and the exact
** first message), counting and limiting problems, the summary line,
** skipping files and event columns, and freeing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "mot/mot.h"
#include "testutil.h"
#include "loadutil.h"

#define BP {"blueprint.csv", LU_BLUEPRINT}
#define END {NULL, NULL}
#define EV_HEAD "customer_id,time,touchpoint,score\n"
#define TIME_LIKE "a date and time like 2026-03-01 08:30 or Unix seconds"

typedef struct bad_case {
    const char *what;
    lu_file files[5];
    mot_status status;
    const char *first;     /* the first message, formatted */
    size_t count;          /* problems reported */
} bad_case;

static const bad_case bad_cases[] = {
    /* ---- files and headers ---- */
    {"no blueprint",
     {{"events.csv", EV_HEAD "C1,0,T1,4\n"}, END}, MOT_ENOENT,
     "blueprint.csv: file not found; a project needs at least blueprint.csv",
     1},
    {"empty blueprint", {{"blueprint.csv", ""}, END}, MOT_EDATA,
     "blueprint.csv: file is empty; expected a header row with id, name, "
     "stage", 1},
    {"blueprint of blank lines", {{"blueprint.csv", "\n\r\n\n"}, END},
     MOT_EDATA,
     "blueprint.csv: file is empty; expected a header row with id, name, "
     "stage", 1},
    {"header only", {{"blueprint.csv", "id,name,stage\n"}, END}, MOT_EDATA,
     "blueprint.csv: no rows: the file has a header but no data", 1},
    {"missing column", {{"blueprint.csv", "id,name\nT1,a\n"}, END},
     MOT_EDATA,
     "blueprint.csv:1: missing required column \"stage\"; the header has: "
     "id, name", 1},
    {"two missing columns", {{"blueprint.csv", "ID\nT1\n"}, END}, MOT_EDATA,
     "blueprint.csv:1: missing required column \"name\"; the header has: ID",
     2},
    {"missing column under blank lines",
     {{"blueprint.csv", "\n\r\nid,name\nT1,a\n"}, END}, MOT_EDATA,
     "blueprint.csv:3: missing required column \"stage\"; the header has: "
     "id, name", 1},
    {"duplicate column",
     {{"blueprint.csv", "id,name,stage, Name \nT1,a,s,b\n"}, END}, MOT_EDATA,
     "blueprint.csv:1:4: column \"Name\" appears twice, as columns 2 and 4; "
     "each column name must be unique", 1},
    {"broken blueprint: references not checked",
     {{"blueprint.csv", "id,name\nT1,a\n"},
      {"events.csv", EV_HEAD "C1,0,T1,4\nC1,0,T2,5\n"}, END}, MOT_EDATA,
     "blueprint.csv:1: missing required column \"stage\"; the header has: "
     "id, name", 1},
    {"blueprint cut short: references not checked",
     {{"blueprint.csv", "id,name,stage\nT1,a,s\n\"T2,b,s\n"},
      {"events.csv", EV_HEAD "C1,0,T1,4\nC1,0,T2,5\n"}, END}, MOT_EDATA,
     "blueprint.csv:3:1: unterminated quoted field: the quote opened here is "
     "never closed", 1},
    {"events without customer column",
     {BP, {"events.csv", "time,touchpoint\n0,T1\n"}, END}, MOT_EDATA,
     "events.csv:1: missing required column \"customer_id\" (or case_id, "
     "case:concept:name); the header has: time, touchpoint", 1},
    {"empty events", {BP, {"events.csv", ""}, END}, MOT_EDATA,
     "events.csv: file is empty; expected a header row with customer_id, "
     "time, touchpoint", 1},
    {"events header only", {BP, {"events.csv", EV_HEAD}, END}, MOT_EDATA,
     "events.csv: no rows: the file has a header but no data", 1},
    {"plain and gzip events",
     {BP, {"events.csv", EV_HEAD "C1,0,T1,4\n"},
      {"events.csv.gz", "not read"}, END}, MOT_EDATA,
     "events.csv: events.csv.gz is in the folder too; keep only one of them",
     1},
    {"unterminated quote (from the CSV reader)",
     {BP, {"events.csv", EV_HEAD "C1,0,T1,4\nC1,0,\"T1,4\n"}, END},
     MOT_EDATA,
     "events.csv:3:3: unterminated quoted field: the quote opened here is "
     "never closed", 1},
    {"short row",
     {BP, {"events.csv", EV_HEAD "C1,0,T1,4\nC1,0\n"}, END}, MOT_EDATA,
     "events.csv:3:3: touchpoint must not be empty", 1},
    {"line of a field after a quoted line break",
     {BP, {"events.csv", EV_HEAD "\"C\n1\",0,T1,five\n"}, END}, MOT_EDATA,
     "events.csv:3:4: score must be a number between 1 and 5, found "
     "\"five\"", 1},
    {"value under no header",
     {BP, {"events.csv", EV_HEAD "C1,0,T1,4,x\n"}, END}, MOT_EDATA,
     "events.csv:2:5: a value in a column that has no name in the header, "
     "found \"x\"", 1},

    /* ---- blueprint.csv ---- */
    {"duplicate touchpoint id",
     {{"blueprint.csv", "id,name,stage\nT1,a,s\nT2,b,s\nT1,c,s\n"}, END},
     MOT_EDATA, "blueprint.csv:4:1: id \"T1\" appears twice: first on line 2",
     1},
    {"empty name", {{"blueprint.csv", "id,name,stage\nT1, ,s\n"}, END},
     MOT_EDATA, "blueprint.csv:2:2: name must not be empty", 1},
    {"supports nowhere",
     {{"blueprint.csv", "id,name,stage,supports\nT1,a,s,\nT2,b,s,T9\n"},
      END}, MOT_EDATA,
     "blueprint.csv:3:4: supports must be an id from blueprint.csv, found "
     "\"T9\"", 1},
    {"supports cycle",
     {{"blueprint.csv", "id,name,stage,supports\nT1,a,s,T2\nT2,b,s,T3\n"
                        "T3,c,s,T1\nT4,d,s,T1\n"}, END}, MOT_EDATA,
     "blueprint.csv:2:4: supports makes a cycle: T1 -> T2 -> T3 -> T1; a "
     "step cannot support itself, even through other steps", 1},
    {"supports itself",
     {{"blueprint.csv", "id,name,stage,supports\nT1,a,s,T1\n"}, END},
     MOT_EDATA,
     "blueprint.csv:2:4: supports makes a cycle: T1 -> T1; a step cannot "
     "support itself, even through other steps", 1},
    {"supports leading into a cycle",
     {{"blueprint.csv", "id,name,stage,supports\nT0,z,s,T1\nT1,a,s,b\n"
                        "T2,b,s,T1\n"}, END}, MOT_EDATA,
     "blueprint.csv:3:4: supports makes a cycle: T1 -> T2 -> T1; a step "
     "cannot support itself, even through other steps", 1},
    {"stage rows apart",
     {{"blueprint.csv", "id,name,stage\nT1,a,咨询\nT2,b,开通\nT3,c,咨询\n"},
      END}, MOT_EDATA,
     "blueprint.csv:4:3: stage \"咨询\" appears again after \"开通\"; keep "
     "each stage's rows together or give the order in mot.ini [stages] "
     "order", 1},
    {"stage not in mot.ini order",
     {{"mot.ini", "[stages]\norder = 售前, 售中\n"}, BP, END}, MOT_EDATA,
     "blueprint.csv:4:3: stage \"售后\" is not in mot.ini [stages] order", 1},
    {"unknown phase",
     {{"blueprint.csv", "id,name,stage,phase\nT1,a,s,during\n"}, END},
     MOT_EDATA,
     "blueprint.csv:2:4: phase must be one of expectation, contact, "
     "follow-up, found \"during\"", 1},
    {"unknown lane",
     {{"blueprint.csv", "id,name,stage,lane\nT1,a,s,middle\n"}, END},
     MOT_EDATA,
     "blueprint.csv:2:4: lane must be one of evidence, customer, frontstage, "
     "backstage, support, found \"middle\"", 1},
    {"unknown channel",
     {{"blueprint.csv", "id,name,stage,channel\nT1,a,s,phone\n"}, END},
     MOT_EDATA,
     "blueprint.csv:2:4: channel must be one of front, back, digital, found "
     "\"phone\"", 1},
    {"unknown SERVQUAL dimension",
     {{"blueprint.csv", "id,name,stage,servqual_dimension\nT1,a,s,speed\n"},
      END}, MOT_EDATA,
     "blueprint.csv:2:4: servqual_dimension must be one of tangibles, "
     "reliability, responsiveness, assurance, empathy, found \"speed\"", 1},
    {"tolerance off the scale",
     {{"blueprint.csv", "id,name,stage,tolerance\nT1,a,s,6\n"}, END},
     MOT_EDATA,
     "blueprint.csv:2:4: tolerance must be a number between 1 and 5, found "
     "\"6\"", 1},
    {"target not a number",
     {{"blueprint.csv", "id,name,stage,target\nT1,a,s,high\n"}, END},
     MOT_EDATA,
     "blueprint.csv:2:4: target must be a number between 1 and 5, found "
     "\"high\"", 1},
    {"sla_hours zero",
     {{"blueprint.csv", "id,name,stage,sla_hours\nT1,a,s,0\n"}, END},
     MOT_EDATA,
     "blueprint.csv:2:4: sla_hours must be a positive number of hours, found "
     "\"0\"", 1},
    {"sla_hours negative",
     {{"blueprint.csv", "id,name,stage,sla_hours\nT1,a,s,-2\n"}, END},
     MOT_EDATA,
     "blueprint.csv:2:4: sla_hours must be a positive number of hours, found "
     "\"-2\"", 1},

    /* ---- events.csv ---- */
    {"score a word",
     {BP, {"events.csv", EV_HEAD "C1,0,T1,4\nC1,60,T2,five\n"}, END},
     MOT_EDATA,
     "events.csv:3:4: score must be a number between 1 and 5, found "
     "\"five\"", 1},
    {"score off a mot.ini scale",
     {{"mot.ini", "[scale]\nmin = 0\nmax = 10\nneutral = 5\n"}, BP,
      {"events.csv", EV_HEAD "C1,0,T1,0\nC1,60,T2,11\n"}, END}, MOT_EDATA,
     "events.csv:3:4: score must be a number between 0 and 10, found "
     "\"11\"", 1},
    {"time a word",
     {BP, {"events.csv", EV_HEAD "C1,yesterday,T1,4\n"}, END}, MOT_EDATA,
     "events.csv:2:2: time must be " TIME_LIKE ", found \"yesterday\"", 1},
    {"time empty", {BP, {"events.csv", EV_HEAD "C1,,T1,4\n"}, END},
     MOT_EDATA, "events.csv:2:2: time must be " TIME_LIKE ", found \"\"", 1},
    {"touchpoint not in blueprint",
     {BP, {"events.csv", EV_HEAD "C1,0,退款,4\n"}, END}, MOT_EDATA,
     "events.csv:2:3: touchpoint must be an id or name from blueprint.csv, "
     "found \"退款\"", 1},
    {"touchpoint under a process-mining name",
     {BP, {"events.csv", "case:concept:name,concept:name,time:timestamp\n"
                         "C1,退款,0\n"}, END}, MOT_EDATA,
     "events.csv:2:2: concept:name must be an id or name from blueprint.csv, "
     "found \"退款\"", 1},
    {"long found text is cut",
     {BP, {"events.csv", EV_HEAD "C1,0,abcdefghijklmnopqrstuvwxyz0123456789"
                         "ABCDEFGHIJ,4\n"}, END}, MOT_EDATA,
     "events.csv:2:3: touchpoint must be an id or name from blueprint.csv, "
     "found \"abcdefghijklmnopqrstuvwxyz0123456789ABCD...\"", 1},
    {"long found text is cut between characters",
     {BP, {"events.csv", EV_HEAD "C1,0,一二三四五六七八九十一二三四五六,4\n"},
      END}, MOT_EDATA,
     "events.csv:2:3: touchpoint must be an id or name from blueprint.csv, "
     "found \"一二三四五六七八九十一二三...\"", 1},
    {"customer empty", {BP, {"events.csv", EV_HEAD " ,0,T1,4\n"}, END},
     MOT_EDATA, "events.csv:2:1: customer_id must not be empty", 1},
    {"negative wait",
     {BP, {"events.csv", "customer_id,time,touchpoint,wait_minutes\n"
                         "C1,0,T1,-1\n"}, END}, MOT_EDATA,
     "events.csv:2:4: wait_minutes must be a number of minutes, 0 or more, "
     "found \"-1\"", 1},
    {"events channel",
     {BP, {"events.csv", "customer_id,time,touchpoint,channel\n"
                         "C1,0,T1,fax\n"}, END}, MOT_EDATA,
     "events.csv:2:4: channel must be one of front, back, digital, found "
     "\"fax\"", 1},
    {"events staff not in staff.csv",
     {BP, {"staff.csv", "staff_id\nS1\n"},
      {"events.csv", "customer_id,time,touchpoint,staff_id\nC1,0,T1,S1\n"
                     "C1,0,T1,S9\n"}, END}, MOT_EDATA,
     "events.csv:3:4: staff_id must be an id from staff.csv, found \"S9\"",
     1},
    {"three bad events",
     {BP, {"events.csv", EV_HEAD "C1,0,T1,9\nC1,0,T1,4\nC2,x,T9,4\n"}, END},
     MOT_EDATA,
     "events.csv:2:4: score must be a number between 1 and 5, found \"9\"",
     3},

    /* ---- customers.csv ---- */
    {"customer twice",
     {BP, {"customers.csv", "customer_id,nps\nC1,3\nC2,4\nC1,5\n"}, END},
     MOT_EDATA,
     "customers.csv:4:1: customer_id \"C1\" appears twice: first on line 2",
     1},
    {"nps above 10", {BP, {"customers.csv", "customer_id,nps\nC1,11\n"}, END},
     MOT_EDATA,
     "customers.csv:2:2: nps must be a whole number from 0 to 10, found "
     "\"11\"", 1},
    {"nps with a fraction",
     {BP, {"customers.csv", "customer_id,nps\nC1,7.5\n"}, END}, MOT_EDATA,
     "customers.csv:2:2: nps must be a whole number from 0 to 10, found "
     "\"7.5\"", 1},
    {"churned not a flag",
     {BP, {"customers.csv", "customer_id,churned\nC1,maybe\n"}, END},
     MOT_EDATA,
     "customers.csv:2:2: churned must be 0 or 1 (or yes/no), found "
     "\"maybe\"", 1},
    {"churn_time not a time",
     {BP, {"customers.csv", "customer_id,churn_time\nC1,soon\n"}, END},
     MOT_EDATA,
     "customers.csv:2:2: churn_time must be " TIME_LIKE ", found \"soon\"",
     1},
    {"overall not a number",
     {BP, {"customers.csv", "customer_id,overall\nC1,good\n"}, END},
     MOT_EDATA,
     "customers.csv:2:2: overall must be a number, found \"good\"", 1},
    {"churn column named in mot.ini",
     {{"mot.ini", "[outcomes]\nchurn = left\n"}, BP,
      {"customers.csv", "customer_id,left,churned\nC1,maybe,x\n"}, END},
     MOT_EDATA,
     "customers.csv:2:2: left must be 0 or 1 (or yes/no), found \"maybe\"",
     1},

    /* ---- kano.csv ---- */
    {"KANO answer out of range",
     {BP, {"kano.csv", "respondent_id,feature,functional,dysfunctional\n"
                       "R1,wifi,6,5\n"}, END}, MOT_EDATA,
     "kano.csv:2:3: functional must be a KANO answer: 1 to 5, or like, "
     "must-be, neutral, live-with, dislike, found \"6\"", 1},
    {"KANO answer a wrong word",
     {BP, {"kano.csv", "respondent_id,feature,functional,dysfunctional\n"
                       "R1,wifi,like,hate\n"}, END}, MOT_EDATA,
     "kano.csv:2:4: dysfunctional must be a KANO answer: 1 to 5, or like, "
     "must-be, neutral, live-with, dislike, found \"hate\"", 1},
    {"KANO pair twice",
     {BP, {"kano.csv", "respondent_id,feature,functional,dysfunctional\n"
                       "R1,wifi,1,5\nR1,早餐,1,5\nR1,wifi,2,4\n"}, END},
     MOT_EDATA,
     "kano.csv:4:2: respondent \"R1\" answered feature \"wifi\" twice: first "
     "on line 2", 1},
    {"KANO touchpoint not in blueprint",
     {BP, {"kano.csv", "respondent_id,feature,functional,dysfunctional,"
                       "touchpoint\nR1,wifi,1,5,T7\n"}, END}, MOT_EDATA,
     "kano.csv:2:5: touchpoint must be an id or name from blueprint.csv, "
     "found \"T7\"", 1},

    /* ---- servqual.csv and servqual_weights.csv ---- */
    {"SERVQUAL item 23",
     {BP, {"servqual.csv", "respondent_id,item,expectation,perception\n"
                           "R1,23,7,6\n"}, END}, MOT_EDATA,
     "servqual.csv:2:2: item must be a SERVQUAL item number 1 to 22 (or give "
     "a dimension column), found \"23\"", 1},
    {"SERVQUAL item text without a dimension",
     {BP, {"servqual.csv", "respondent_id,item,expectation,perception,"
                           "dimension\nR1,Q1,7,6,tangibles\nR1,Q2,7,6,\n"},
      END}, MOT_EDATA,
     "servqual.csv:3:2: item must be a SERVQUAL item number 1 to 22 (or give "
     "a dimension column), found \"Q2\"", 1},
    {"SERVQUAL expectation 11",
     {BP, {"servqual.csv", "respondent_id,item,expectation,perception\n"
                           "R1,1,11,6\n"}, END}, MOT_EDATA,
     "servqual.csv:2:3: expectation must be a number between 1 and 10, "
     "found \"11\"", 1},
    {"SERVQUAL perception 0",
     {BP, {"servqual.csv", "respondent_id,item,expectation,perception\n"
                           "R1,1,7,0\n"}, END}, MOT_EDATA,
     "servqual.csv:2:4: perception must be a number between 1 and 10, found "
     "\"0\"", 1},
    {"SERVQUAL pair twice",
     {BP, {"servqual.csv", "respondent_id,item,expectation,perception\n"
                           "R1,3,7,6\nR1,3,7,5\n"}, END}, MOT_EDATA,
     "servqual.csv:3:2: respondent \"R1\" rated item \"3\" twice: first on "
     "line 2", 1},
    {"SERVQUAL dimension a wrong word",
     {BP, {"servqual.csv", "respondent_id,item,expectation,perception,"
                           "dimension\nR1,Q1,7,6,speed\n"}, END}, MOT_EDATA,
     "servqual.csv:2:5: dimension must be one of tangibles, reliability, "
     "responsiveness, assurance, empathy, found \"speed\"", 1},
    {"SERVQUAL item in two dimensions",
     {BP, {"servqual.csv", "respondent_id,item,expectation,perception,"
                           "dimension\nR1,Q1,7,6,tangibles\nR2,5,7,6,\n"
                           "R2,Q1,7,6,empathy\nR1,5,7,6,tangibles\n"},
      END}, MOT_EDATA,
     "servqual.csv:4:5: item \"Q1\" is in dimension empathy here but in "
     "tangibles on line 2; an item belongs to one dimension", 2},
    {"weights not adding up",
     {BP, {"servqual.csv", "respondent_id,item,expectation,perception\n"
                           "R1,1,7,6\n"},
      {"servqual_weights.csv", "respondent_id,dimension,points\n"
                               "R1,tangibles,10\nR1,reliability,30\n"
                               "R1,responsiveness,20\nR1,assurance,20\n"
                               "R1,empathy,10\n"}, END}, MOT_EDATA,
     "servqual_weights.csv:2:3: points of respondent \"R1\" add up to 90; "
     "they must add up to 100", 1},
    {"weights points over 100",
     {BP, {"servqual.csv", "respondent_id,item,expectation,perception\n"
                           "R1,1,7,6\n"},
      {"servqual_weights.csv", "respondent_id,dimension,points\n"
                               "R1,tangibles,120\n"}, END}, MOT_EDATA,
     "servqual_weights.csv:2:3: points must be a number from 0 to 100, "
     "found \"120\"", 1},
    {"weights dimension twice",
     {BP, {"servqual.csv", "respondent_id,item,expectation,perception\n"
                           "R1,1,7,6\n"},
      {"servqual_weights.csv", "respondent_id,dimension,points\n"
                               "R1,tangibles,50\nR1,有形性,50\n"}, END},
     MOT_EDATA,
     "servqual_weights.csv:3:2: respondent \"R1\" gave points to dimension "
     "\"tangibles\" twice: first on line 2", 1},
    {"weights without answers",
     {BP, {"servqual_weights.csv", "respondent_id,dimension,points\n"
                                   "R1,tangibles,100\n"}, END}, MOT_EDATA,
     "servqual_weights.csv: needs servqual.csv in the same folder: the "
     "weights belong to its respondents", 1},

    /* ---- tickets.csv ---- */
#define TK_HEAD "ticket_id,customer_id,touchpoint,opened_at," \
                "first_response_at,resolved_at\n"
    {"ticket twice",
     {BP, {"tickets.csv", TK_HEAD "K1,C1,T3,0,60,120\nK1,C2,T3,0,,\n"}, END},
     MOT_EDATA,
     "tickets.csv:3:1: ticket_id \"K1\" appears twice: first on line 2", 1},
    {"response before opening",
     {BP, {"tickets.csv", TK_HEAD "K1,C1,T3,2026-03-01 08:30,"
                          "2026-03-01 08:00,\n"}, END}, MOT_EDATA,
     "tickets.csv:2:5: first_response_at must be a time at or after "
     "opened_at (2026-03-01 08:30), found \"2026-03-01 08:00\"", 1},
    {"resolution before opening",
     {BP, {"tickets.csv", TK_HEAD "K1,C1,T3,1000,1000,999\n"}, END},
     MOT_EDATA,
     "tickets.csv:2:6: resolved_at must be a time at or after opened_at "
     "(1000), found \"999\"", 1},
    {"ticket never opened",
     {BP, {"tickets.csv", TK_HEAD "K1,C1,T3,,,\n"}, END}, MOT_EDATA,
     "tickets.csv:2:4: opened_at must be " TIME_LIKE ", found \"\"", 1},
    {"ticket touchpoint not in blueprint",
     {BP, {"tickets.csv", TK_HEAD "K1,C1,投诉,0,,\n"}, END}, MOT_EDATA,
     "tickets.csv:2:3: touchpoint must be an id or name from blueprint.csv, "
     "found \"投诉\"", 1},
    {"ticket satisfaction off the scale",
     {BP, {"tickets.csv", "ticket_id,customer_id,touchpoint,opened_at,"
                          "first_response_at,resolved_at,satisfaction\n"
                          "K1,C1,T3,0,,,9\n"}, END}, MOT_EDATA,
     "tickets.csv:2:7: satisfaction must be a number between 1 and 5, found "
     "\"9\"", 1},

    /* ---- interactions.csv and staff.csv ---- */
    {"behaviour step 7",
     {BP, {"interactions.csv", "interaction_id,staff_id,time,greeted,"
                               "explained\nI1,S1,0,1,0\nI2,S1,0,7,1\n"},
      END}, MOT_EDATA,
     "interactions.csv:3:4: greeted must be 0 or 1 (not done, done) or a "
     "rating from 1 to 5, found \"7\"", 1},
    {"interaction staff not in staff.csv",
     {BP, {"staff.csv", "staff_id,name\nS1,王芳\n"},
      {"interactions.csv", "interaction_id,staff_id,time,greeted\n"
                           "I1,S2,0,1\n"}, END}, MOT_EDATA,
     "interactions.csv:2:2: staff_id must be an id from staff.csv, found "
     "\"S2\"", 1},
    {"interaction twice",
     {BP, {"interactions.csv", "interaction_id,staff_id,time,greeted\n"
                               "I1,S1,0,1\nI1,S2,0,1\n"}, END}, MOT_EDATA,
     "interactions.csv:3:1: interaction_id \"I1\" appears twice: first on "
     "line 2", 1},
    {"interactions without steps",
     {BP, {"interactions.csv", "interaction_id,staff_id,time,branch\n"
                               "I1,S1,0,北京\n"}, END}, MOT_EDATA,
     "interactions.csv:1: no behaviour step columns: after interaction_id, "
     "staff_id and time, give one column per step of the service standard "
     "(0/1 or a rating 1 to 5)", 1},
    {"staff twice",
     {BP, {"staff.csv", "staff_id,name\nS1,王芳\nS1,李雷\n"}, END},
     MOT_EDATA, "staff.csv:3:1: staff_id \"S1\" appears twice: first on "
     "line 2", 1},
    {"staff trained_at not a time",
     {BP, {"staff.csv", "staff_id,trained_at\nS1,last year\n"}, END},
     MOT_EDATA,
     "staff.csv:2:2: trained_at must be " TIME_LIKE ", found \"last year\"",
     1},
};

static void test_malformed_input_matrix(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
        const bad_case *c = &bad_cases[i];
        lu_result r;
        const char *dir = lu_project("bad", c->files);
        print_message("case: %s\n", c->what);
        lu_load_fail(dir, 0, &r);
        assert_string_equal(r.first, c->first);
        assert_int_equal(r.status, c->status);
        assert_int_equal(r.count, c->count);
        mot_diag_free(&r.diag);
    }
}

static void test_missing_folder(void **state)
{
    (void)state;
    char dir[4200], want[4300];
    lu_result r;
    snprintf(dir, sizeof dir, "%s/no-such-folder", tu_tmpdir("nofolder"));
    snprintf(want, sizeof want, "%s: folder not found", dir);
    lu_load_fail(dir, 0, &r);
    assert_int_equal(r.status, MOT_ENOENT);
    assert_string_equal(r.first, want);
    mot_diag_free(&r.diag);
}

static void test_csv_reader_errors_name_the_file(void **state)
{
    (void)state;
    /* a NUL byte: binary content, reported by the CSV reader */
    static const char events[] = EV_HEAD "C1,0,T1,4\nC1,0,T\0,4\n";
    const char *dir = lu_project("binary", (lu_file[]){BP, END});
    tu_write(dir, "events.csv", events, sizeof events - 1);
    lu_result r;
    lu_load_fail(dir, 0, &r);
    assert_int_equal(r.status, MOT_EDATA);
    assert_int_equal(r.count, 1);
    assert_string_equal(r.diag.items[0].file, "events.csv");
    mot_diag_free(&r.diag);
}

static void test_problems_of_every_file_are_reported(void **state)
{
    (void)state;
    const char *dir = lu_project("every", (lu_file[]){
        {"blueprint.csv", "id,name,stage,tolerance\nT1,a,s,7\nT2,b,s,\n"},
        {"customers.csv", "customer_id,nps\nC1,12\n"},
        {"events.csv", EV_HEAD "C1,0,T1,4\nC1,0,T9,4\n"},
        {"kano.csv", "respondent_id,feature,functional,dysfunctional\n"
                     "R1,wifi,1,0\n"}, END});
    lu_result r;
    lu_load_fail(dir, 0, &r);
    assert_int_equal(r.count, 4);
    assert_string_equal(lu_message(&r, 0), "blueprint.csv:2:4: tolerance "
                        "must be a number between 1 and 5, found \"7\"");
    assert_string_equal(lu_message(&r, 1), "customers.csv:2:2: nps must be "
                        "a whole number from 0 to 10, found \"12\"");
    assert_string_equal(lu_message(&r, 2), "events.csv:3:3: touchpoint must "
                        "be an id or name from blueprint.csv, found \"T9\"");
    assert_string_equal(lu_message(&r, 3), "kano.csv:2:4: dysfunctional must "
                        "be a KANO answer: 1 to 5, or like, must-be, "
                        "neutral, live-with, dislike, found \"0\"");
    mot_diag_free(&r.diag);
}

static void test_error_budget_stops_reading(void **state)
{
    (void)state;
    char events[4000] = EV_HEAD;
    for (int i = 0; i < 50; i++)
        snprintf(events + strlen(events), sizeof events - strlen(events),
                 "C%d,0,T1,0\n", i);
    const char *dir = lu_project("budget", (lu_file[]){
        BP, {"events.csv", events},
        {"kano.csv", "respondent_id,feature,functional,dysfunctional\n"
                     "R1,wifi,9,9\n"}, END});
    lu_result r;
    lu_load_fail(dir, 5, &r);
    assert_int_equal(r.count, 5);
    assert_string_equal(lu_message(&r, 4), "events.csv:6:4: score must be a "
                        "number between 1 and 5, found \"0\"");
    mot_diag_free(&r.diag);
    lu_load_fail(dir, 0, &r);     /* the default budget is 100 */
    assert_int_equal(r.count, 52);
    mot_diag_free(&r.diag);
}

static void test_mot_ini_problem_is_reported(void **state)
{
    (void)state;
    const char *dir = lu_project("ini", (lu_file[]){
        {"mot.ini", "[scale]\nmin = 1\nbogus = 2\n"}, BP, END});
    lu_result r;
    lu_load_fail(dir, 0, &r);
    assert_int_equal(r.status, MOT_EDATA);
    assert_string_equal(r.diag.items[0].file, "mot.ini");
    assert_int_equal(r.diag.items[0].line, 3);
    mot_diag_free(&r.diag);
}

static void test_summary(void **state)
{
    (void)state;
    const char *dir = lu_project("summary", (lu_file[]){
        BP, {"customers.csv", "customer_id\nC1\nC2\n"},
        {"events.csv", EV_HEAD "C1,0,T1,4\nC1,0,T2,\nC2,0,T3,\n"},
        {"staff.csv", "staff_id\nS1\n"}, END});
    mot_project *p = lu_load(dir);
    char buf[200];
    int n = mot_project_summary(p, buf, sizeof buf);
    assert_string_equal(buf, "customers 2, events 3, touchpoints 3 in 3 "
                        "stages, staff 1");
    assert_int_equal(n, (int)strlen(buf));
    /* a short buffer gets what fits, and the length it needed */
    char small[12];
    assert_int_equal(mot_project_summary(p, small, sizeof small), n);
    assert_string_equal(small, "customers 2");
    mot_project_free(p);
    mot_project_free(NULL);
}

static void test_summary_of_every_table(void **state)
{
    (void)state;
    const char *dir = lu_project("summary_all", (lu_file[]){
        {"blueprint.csv", "id,name,stage\nT1,a,s\n"},
        {"kano.csv", "respondent_id,feature,functional,dysfunctional\n"
                     "R1,wifi,1,5\nR2,wifi,2,5\n"},
        {"servqual.csv", "respondent_id,item,expectation,perception\n"
                         "R1,1,7,6\n"},
        {"tickets.csv", TK_HEAD "K1,C1,T1,0,,\n"},
        {"interactions.csv", "interaction_id,staff_id,time,greeted\n"
                             "I1,S1,0,1\n"}, END});
    mot_project *p = lu_load(dir);
    char buf[200];
    mot_project_summary(p, buf, sizeof buf);
    assert_string_equal(buf, "touchpoints 1 in 1 stage, kano 2 answers, "
                        "servqual 1 answer, tickets 1, interactions 1");
    mot_project_free(p);
}

/* A folder whose problems are all in what the analysis does not read: a
** staff id unknown to staff.csv, a bad channel, a bad ticket and a bad
** interaction time. */
static const char *skip_project(void)
{
    return lu_project("skip", (lu_file[]){
        BP, {"customers.csv", "customer_id\nC1\n"},
        {"staff.csv", "staff_id\nS1\n"},
        {"events.csv", "customer_id,time,touchpoint,score,journey_id,"
                       "staff_id,branch,wait_minutes,expected,channel,"
                       "mood\nC1,0,T1,4,J1,S9,B1,3,4,telepathy,calm\n"},
        {"tickets.csv", TK_HEAD "K1,C1,T9,0,,\n"},
        {"interactions.csv", "interaction_id,staff_id,time,greeted\n"
                             "I1,S1,never,1\n"}, END});
}

static void test_skip_reads_only_what_is_asked(void **state)
{
    (void)state;
    const char *dir = skip_project();
    lu_result r;
    lu_load_fail(dir, 0, &r);      /* all is read and checked by default */
    assert_int_equal(r.count, 4);
    mot_diag_free(&r.diag);

    mot_diag d;
    mot_diag_init(&d, 0);
    mot_project *p = NULL;
    char buf[200];
    mot_load_options opt = {.skip = MOT_SKIP_BEHAVIOUR, .summary = buf,
                            .summary_size = sizeof buf};
    assert_int_equal(mot_project_load(&p, dir, &opt, &d), MOT_OK);
    assert_int_equal(d.n, 0);
    mot_diag_free(&d);
    assert_int_equal(p->skipped, MOT_SKIP_BEHAVIOUR);
    assert_null(p->staff);
    assert_null(p->tickets);
    assert_null(p->interactions);
    const mot_events *e = p->events;
    assert_int_equal(e->n, 1);
    assert_null(e->journey);
    assert_null(e->journeys);
    assert_null(e->staff);
    assert_null(e->branch);
    assert_null(e->expected);
    assert_null(e->channel);
    assert_int_equal(e->attrs.n, 0);
    assert_float_equal(e->score[0], 4, 0);
    assert_float_equal(e->wait_minutes[0], 3, 0);
    assert_string_equal(buf, "customers 1, events 1, touchpoints 3 in 3 "
                        "stages, tickets not read, interactions not read, "
                        "staff not read");
    mot_project_free(p);
}

static void test_skip_of_absent_files_is_not_recorded(void **state)
{
    (void)state;
    const char *dir = lu_project("skip_absent", (lu_file[]){BP, END});
    mot_diag d;
    mot_diag_init(&d, 0);
    mot_project *p = NULL;
    mot_load_options opt = {.skip = MOT_SKIP_ANALYSIS};
    assert_int_equal(mot_project_load(&p, dir, &opt, &d), MOT_OK);
    mot_diag_free(&d);
    assert_int_equal(p->skipped, 0);
    mot_project_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_malformed_input_matrix),
        cmocka_unit_test(test_missing_folder),
        cmocka_unit_test(test_csv_reader_errors_name_the_file),
        cmocka_unit_test(test_problems_of_every_file_are_reported),
        cmocka_unit_test(test_error_budget_stops_reading),
        cmocka_unit_test(test_mot_ini_problem_is_reported),
        cmocka_unit_test(test_summary),
        cmocka_unit_test(test_summary_of_every_table),
        cmocka_unit_test(test_skip_reads_only_what_is_asked),
        cmocka_unit_test(test_skip_of_absent_files_is_not_recorded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
