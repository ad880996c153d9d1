/* not yet written */
typedef int wb_placeholder;
