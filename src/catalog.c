/*
 * catalog.c - statistic catalogues. The Bright Pattern table is the "List of
 * Statistics" of the Real-Time Statistics API reference, plus the names its
 * vendor examples use. Kept sorted by name: catalog_find() bisects it.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "catalog.h"

static const struct stat_info bp_stats[] = {
	{ "acd_next_state", STAT_STATE, 0, STAT_SCOPE_AGENT, 0, NULL, "acd next state" },
	{ "acd_state", STAT_STATE, 0, STAT_SCOPE_AGENT, 0, NULL, "acd state" },
	{ "active_item_direction", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "active item direction" },
	{ "active_item_hold_duration", STAT_DURATION, 0, STAT_SCOPE_AGENT, STAT_TICKS, NULL, "active item hold duration" },
	{ "active_item_id", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "active item id" },
	{ "active_item_is_flagged", STAT_COUNT, 0, STAT_SCOPE_AGENT, 0, NULL, "active item is flagged" },
	{ "active_item_media_type", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "active item media type" },
	{ "active_item_party_firstname", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "active item party firstname" },
	{ "active_item_party_lastname", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "active item party lastname" },
	{ "active_item_party_name", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "active item party name" },
	{ "active_item_qm_monitor_item_id", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "active item qm monitor item id" },
	{ "active_item_qm_monitor_mode", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "active item qm monitor mode" },
	{ "active_item_qm_monitor_user", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "active item qm monitor user" },
	{ "active_item_qm_monitored_item_id", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "active item qm monitored item id" },
	{ "active_item_service_id", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "active item service id" },
	{ "active_item_service_name", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "active item service name" },
	{ "active_item_state", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "active item state" },
	{ "active_item_talk_duration", STAT_DURATION, 0, STAT_SCOPE_AGENT, STAT_TICKS, NULL, "active item talk duration" },
	{ "agent_calendar_overdue", STAT_COUNT, 0, STAT_SCOPE_AGENT, 0, NULL, "Calendar reminders in the past" },
	{ "agent_calendar_pending", STAT_COUNT, 0, STAT_SCOPE_AGENT, 0, NULL, "Calendar reminders" },
	{ "agent_call_handling_rate", STAT_RATE, 0, STAT_SCOPE_AGENT, 0, NULL, "Call handling rate per hour" },
	{ "agent_total_ready_time", STAT_DURATION, 0, STAT_SCOPE_AGENT, 0, NULL, "My Ready Time" },
	{ "agents_logged", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Agents logged in (vendor example response)" },
	{ "agents_ready", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Agents ready (vendor example response)" },
	{ "calls_average_acw_time_per_day", STAT_DURATION, 0, STAT_SCOPE_ANY, 0, NULL, "Average ACW Time" },
	{ "calls_average_handling_time_per_day", STAT_DURATION, 0, STAT_SCOPE_ANY, 0, NULL, "Average Handle time" },
	{ "calls_dispositions_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "calls dispositions per day" },
	{ "calls_dispositions_ratio_per_day", STAT_PERCENT, 100, STAT_SCOPE_ANY, 0, NULL, "calls dispositions ratio per day" },
	{ "direction", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "direction" },
	{ "extension", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "extension" },
	{ "first_last_name", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "Agent first and last name (vendor example subscription)" },
	{ "firstname", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "firstname" },
	{ "hold_duration", STAT_DURATION, 0, STAT_SCOPE_AGENT, STAT_TICKS, NULL, "hold duration" },
	{ "in_average_speed_of_answer", STAT_DURATION, 0, STAT_SCOPE_ANY, 0, NULL, "For calls, average speed of answer. For emails, average time to reply" },
	{ "in_callbacks_abandoned_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Callbacks abandoned during collection of callback data for the day" },
	{ "in_callbacks_answered_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Callbacks attempts reconnected to customers for the day" },
	{ "in_callbacks_cancelled_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Callbacks cancelled for the day" },
	{ "in_callbacks_failed_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Callback attempts failed for the day" },
	{ "in_callbacks_queued_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Callbacks successfully scheduled for the day" },
	{ "in_callbacks_requested_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Callbacks requested for the day" },
	{ "in_callbacks_waiting", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Callbacks currently waiting in queue" },
	{ "in_calls_abandoned_in_ivr_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound calls abandoned in IVR for the day" },
	{ "in_calls_abandoned_in_queue_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound calls abandoned in queue for the day" },
	{ "in_calls_abandoned_in_queue_ratio_per_day", STAT_PERCENT, 100, STAT_SCOPE_ANY, 0, NULL, "Percentage of inbound calls abandoned in queue for the day" },
	{ "in_calls_abandoned_percent_per_day", STAT_PERCENT, 1, STAT_SCOPE_ANY, 0, NULL, "Percentage of inbound calls abandoned for the day" },
	{ "in_calls_abandoned_ringing_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound calls abandoned while ringing for the day" },
	{ "in_calls_abandoned_total_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound calls abandoned for the day" },
	{ "in_calls_active_on_agents", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound interactions currently handled by agents" },
	{ "in_calls_disconnected_talking_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound calls released by callers for the day" },
	{ "in_calls_dropped_in_ivr_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound calls dropped by system in IVR for the day" },
	{ "in_calls_dropped_in_queue_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound calls dropped by system in queue for the day" },
	{ "in_calls_dropped_ringing_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound calls dropped by system while ringing for the day" },
	{ "in_calls_dropped_talking_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound calls released by agents for the day" },
	{ "in_calls_duration_average_per_day", STAT_DURATION, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound calls duration average for the day" },
	{ "in_calls_duration_total_per_day", STAT_DURATION, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound calls duration total for the day" },
	{ "in_calls_first_time_handled_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Unique Inbound calls handled by agents for the day" },
	{ "in_calls_first_time_put_on_hold_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Unique inbound interactions being put on hold by agent(s) for the day" },
	{ "in_calls_first_time_queued_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound calls first time queued for the day" },
	{ "in_calls_handled_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound interactions handled by agents for the day" },
	{ "in_calls_handled_percent_per_day", STAT_PERCENT, 1, STAT_SCOPE_ANY, 0, NULL, "Percentage of inbound calls handled for the day" },
	{ "in_calls_in_ivr", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound calls currently in IVR" },
	{ "in_calls_in_progress", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound interactions currently in IVR, queue or on agents" },
	{ "in_calls_put_on_hold_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound interactions being put on hold by agent(s) for the day" },
	{ "in_calls_queued_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound calls queued for the day" },
	{ "in_calls_received_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound interactions received for the day" },
	{ "in_calls_rejected_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound calls rejected or unanswered by agents for the day" },
	{ "in_calls_ringing", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound calls currently ringing" },
	{ "in_calls_routed_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound calls routed to agents for the day" },
	{ "in_calls_self_serviced_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound calls self serviced for the day" },
	{ "in_calls_short_abandoned_in_queue_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound calls short abandoned in queue for the day" },
	{ "in_calls_short_abandoned_in_queue_ratio_per_day", STAT_PERCENT, 100, STAT_SCOPE_ANY, 0, NULL, "Percentage of inbound calls short abandoned in queue for the day" },
	{ "in_calls_talking", STAT_COUNT, 0, STAT_SCOPE_ANY, STAT_RENAMED, "in_calls_active_on_agents", "Renamed to in_calls_active_on_agents" },
	{ "in_calls_transferred_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound interactions transferred by agents for the day" },
	{ "in_calls_waiting", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound interactions currently in queue" },
	{ "in_calls_waiting_or_active", STAT_COUNT, 0, STAT_SCOPE_ANY, STAT_RENAMED, "in_calls_in_progress", "Renamed to in_calls_in_progress" },
	{ "in_email_carried_over", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound emails carried over from previous day" },
	{ "in_email_carried_over_new", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound emails carried over from previous day for new cases" },
	{ "in_email_offered_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound emails offered to agent for the day" },
	{ "in_email_processed_noreply_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound emails closed without reply for the day" },
	{ "in_email_processed_replied_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound emails replied for the day" },
	{ "in_email_pulled_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound emails pulled by agent for the day" },
	{ "in_email_received_new_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound interactions received for the day for new cases" },
	{ "in_email_waiting_in_all_queues", STAT_COUNT, 0, STAT_SCOPE_ANY, STAT_RENAMED, "in_calls_in_progress", "Renamed to in_calls_in_progress" },
	{ "in_emails_joined_existing_queue", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "number of inbound emails joined to already existing case, per day" },
	{ "in_ewt", STAT_DURATION, 0, STAT_SCOPE_ANY, 0, NULL, "Estimated wait time" },
	{ "in_max_wait_time", STAT_DURATION, 0, STAT_SCOPE_ANY, STAT_TICKS, NULL, "Max inbound wait time" },
	{ "in_transfers_received_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound transfers received for the day" },
	{ "is_enabled", STAT_COUNT, 0, STAT_SCOPE_SERVICE, 0, NULL, "is enabled" },
	{ "is_flagged", STAT_COUNT, 0, STAT_SCOPE_AGENT, 0, NULL, "is flagged" },
	{ "is_logged", STAT_COUNT, 0, STAT_SCOPE_AGENT, 0, NULL, "is logged" },
	{ "items", STAT_COUNT, 0, STAT_SCOPE_AGENT, 0, NULL, "items" },
	{ "lastname", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "lastname" },
	{ "list_id", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "list id" },
	{ "login_id", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "login id" },
	{ "login_time", STAT_TIME, 0, STAT_SCOPE_AGENT, 0, NULL, "login time" },
	{ "media_type", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "media type" },
	{ "name", STAT_TEXT, 0, STAT_SCOPE_SERVICE, 0, NULL, "name" },
	{ "next_reason", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "next reason" },
	{ "out_average_success_rate", STAT_PERCENT, 1, STAT_SCOPE_ANY, 0, NULL, "Average Success Rate - percentage of successful call attempts" },
	{ "out_calls_abandoned_in_ivr_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound calls abandoned in IVR for the day" },
	{ "out_calls_abandoned_in_ivr_ratio_per_day", STAT_PERCENT, 100, STAT_SCOPE_ANY, 0, NULL, "Percentage of outbound calls abandoned in IVR for the day" },
	{ "out_calls_abandoned_in_queue_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound calls abandoned in queue for the day" },
	{ "out_calls_abandoned_in_queue_ratio_per_day", STAT_PERCENT, 100, STAT_SCOPE_ANY, 0, NULL, "Percentage of outbound calls abandoned in queue for the day" },
	{ "out_calls_abandoned_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound calls abandoned at any stage for the day" },
	{ "out_calls_abandoned_ratio_per_day", STAT_PERCENT, 100, STAT_SCOPE_ANY, 0, NULL, "Percentage of outbound calls abandoned at any stage for the day" },
	{ "out_calls_abandoned_ringing_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound calls abandoned while ringing for the day" },
	{ "out_calls_active_on_agents", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound interactions currently handled by agents" },
	{ "out_calls_answered_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound successful calls attempts for the day" },
	{ "out_calls_answered_ratio_per_day", STAT_PERCENT, 100, STAT_SCOPE_ANY, 0, NULL, "Percentage of outbound successful call attempts for the day" },
	{ "out_calls_current_call_rate", STAT_RATE, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound current calling rate" },
	{ "out_calls_disconnected_talking_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound calls released by remote party for the day" },
	{ "out_calls_dropped_in_ivr_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound calls dropped in IVR for the day" },
	{ "out_calls_dropped_in_queue_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound calls dropped in queue for the day" },
	{ "out_calls_dropped_ringing_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound calls dropped while ringing for the day" },
	{ "out_calls_dropped_talking_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound calls released by agent for the day" },
	{ "out_calls_duration_average_per_day", STAT_DURATION, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound calls duration average for the day" },
	{ "out_calls_duration_total_per_day", STAT_DURATION, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound calls duration total for the day" },
	{ "out_calls_failed_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound calls attempts failed fo the day" },
	{ "out_calls_handled_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound interactions handled by agents for the day. For email - number of unsolicited emails and follow-up responses." },
	{ "out_calls_in_ivr", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound calls currently in IVR" },
	{ "out_calls_in_progress", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound call attempts currently in progress" },
	{ "out_calls_in_progress_or_active", STAT_COUNT, 0, STAT_SCOPE_ANY, STAT_RENAMED, "out_calls_in_progress", "Renamed to out_calls_in_progress" },
	{ "out_calls_placed_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound call attempts for the day" },
	{ "out_calls_queued_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound calls queued for the day" },
	{ "out_calls_rejected_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound calls rejected or unanswered by agents for the day" },
	{ "out_calls_ringing", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound calls delivered to agents and currently ringing" },
	{ "out_calls_routed_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound calls routed to agents for the day" },
	{ "out_calls_self_serviced_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound calls self serviced for the day" },
	{ "out_calls_talking", STAT_COUNT, 0, STAT_SCOPE_ANY, STAT_RENAMED, "out_calls_active_on_agents", "Renamed to out_calls_active_on_agents" },
	{ "out_calls_transferred_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound calls transferred by agents for the day" },
	{ "out_calls_unattended_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound answered calls that did not connect to agent in compliance time, per day" },
	{ "out_calls_unattended_ratio_per_day", STAT_PERCENT, 100, STAT_SCOPE_ANY, 0, NULL, "Percentage of calls that did not connect to agent in compliance time, per day" },
	{ "out_calls_waiting", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Outbound calls currently in queue" },
	{ "out_campaign_duration_forecast", STAT_DURATION, 0, STAT_SCOPE_ANY, 0, NULL, "Estimated campaign duration" },
	{ "out_campaign_mode", STAT_TEXT, 0, STAT_SCOPE_ANY, 0, NULL, "Campaign mode" },
	{ "outbound_campaign_link_group", STAT_TEXT, 0, STAT_SCOPE_SERVICE, 0, NULL, "outbound campaign link group" },
	{ "party_firstname", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "party firstname" },
	{ "party_lastname", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "party lastname" },
	{ "party_name", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "party name" },
	{ "priority", STAT_COUNT, 0, STAT_SCOPE_SERVICE, 0, NULL, "priority" },
	{ "qm_is_recording", STAT_COUNT, 0, STAT_SCOPE_AGENT, 0, NULL, "qm is recording" },
	{ "qm_monitor_item_id", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "qm monitor item id" },
	{ "qm_monitor_mode", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "qm monitor mode" },
	{ "qm_monitor_user", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "qm monitor user" },
	{ "qm_monitored_item_id", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "qm monitored item id" },
	{ "ratio", STAT_PERCENT, 100, STAT_SCOPE_SERVICE, 0, NULL, "ratio" },
	{ "reason", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "reason" },
	{ "records_accepted_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Records previewed for the day" },
	{ "records_attempted_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Records attempted for the day" },
	{ "records_attempted_ratio_per_day", STAT_PERCENT, 100, STAT_SCOPE_ANY, 0, NULL, "Percentage of records attempted for the day" },
	{ "records_completed", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Completed records in active lists" },
	{ "records_completed_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Records completed for the day" },
	{ "records_completed_ratio", STAT_PERCENT, 100, STAT_SCOPE_ANY, 0, NULL, "Percentage of records completed in active lists" },
	{ "records_completed_ratio_per_day", STAT_PERCENT, 100, STAT_SCOPE_ANY, 0, NULL, "Percentage of records completed for the day" },
	{ "records_dialable", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Records Dialable Right Now" },
	{ "records_expired", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Records Expired" },
	{ "records_in_dnc", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Number of records excluded by DNC lists from Active Lists" },
	{ "records_out_of_quota", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Number of records in quota groups that reached quota limits" },
	{ "records_progress", STAT_TEXT, 0, STAT_SCOPE_ANY, 0, NULL, "Records state chart" },
	{ "records_quota", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Quota of successes for the calling list quota group" },
	{ "records_remaining", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Remaining records in active lists" },
	{ "records_skipped_per_day", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Records skipped for the day" },
	{ "records_skipped_ratio_per_day", STAT_PERCENT, 100, STAT_SCOPE_ANY, 0, NULL, "Percentage of records skipped for the day" },
	{ "records_successes", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Number of records with a success disposition" },
	{ "records_total", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Total number of records in active lists" },
	{ "records_with_assigned_agents_completed", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Completed records with personal agent assignments" },
	{ "records_with_assigned_agents_remaining", STAT_COUNT, 0, STAT_SCOPE_ANY, 0, NULL, "Remaining records with personal agent assignments" },
	{ "service_available", STAT_STATE, 0, STAT_SCOPE_TOTAL, STAT_PROBE, NULL, "Whether an agent is ready for the panel's service: available or unavailable (check_available_agents)" },
	{ "service_level", STAT_PERCENT, 1, STAT_SCOPE_ANY, 0, NULL, "Percentage of inbound interactions answered in Service Level" },
	{ "service_level_target", STAT_PERCENT, 1, STAT_SCOPE_ANY, 0, NULL, "Inbound Service Level target" },
	{ "service_level_threshold_time", STAT_DURATION, 0, STAT_SCOPE_ANY, 0, NULL, "Inbound Service Level threshold" },
	{ "service_name", STAT_TEXT, 0, STAT_SCOPE_AGENT, 0, NULL, "service name" },
	{ "state", STAT_TEXT, 0, STAT_SCOPE_SERVICE, 0, NULL, "state" },
	{ "state_duration", STAT_DURATION, 0, STAT_SCOPE_AGENT, STAT_TICKS, NULL, "state duration" },
	{ "state_reason", STAT_TEXT, 0, STAT_SCOPE_SERVICE, 0, NULL, "state reason" },
	{ "talk_duration", STAT_DURATION, 0, STAT_SCOPE_AGENT, STAT_TICKS, NULL, "talk duration" },
	{ "team_success_ratio_per_day", STAT_PERCENT, 100, STAT_SCOPE_ANY, 0, NULL, "My Team Success Rate" },
};

const struct catalog catalog_brightpattern = {
	"brightpattern", bp_stats, sizeof(bp_stats) / sizeof(bp_stats[0]),
	NULL, 0, true
};

static const struct catalog *const catalogs[] = {
	&catalog_brightpattern,
	&catalog_8x8,
	&catalog_genesys,
};

const struct catalog *catalog_for(const char *provider)
{
	for (size_t i = 0; i < sizeof(catalogs) / sizeof(catalogs[0]); i++)
		if (strcmp(catalogs[i]->provider, provider) == 0)
			return catalogs[i];
	return NULL;
}

static int stat_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct stat_info *)elem)->name);
}

const struct stat_info *catalog_find(const struct catalog *cat, const char *name)
{
	if (cat == NULL || name == NULL)
		return NULL;
	return bsearch(name, cat->stats, cat->n, sizeof(cat->stats[0]), stat_cmp);
}

static int derive_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct stat_derive *)elem)->name);
}

const struct stat_derive *catalog_derive(const struct catalog *cat,
					 const char *name)
{
	if (cat == NULL || name == NULL || cat->derive == NULL)
		return NULL;
	return bsearch(name, cat->derive, cat->nderive, sizeof(cat->derive[0]),
		       derive_cmp);
}

const char *catalog_kind_name(enum stat_kind kind)
{
	static const char *const names[] = {
		"count", "duration", "percent", "rate", "text", "state", "time"
	};
	return (size_t)kind < sizeof(names) / sizeof(names[0]) ? names[kind] : "?";
}
