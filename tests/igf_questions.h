/*
 * igf_questions: the session's four official key questions, word for word
 * as the seed gives them (the bundled deck quotes them), for the tests that
 * check the deck or lay them out.
 */
#ifndef VITRINE_TEST_IGF_QUESTIONS_H
#define VITRINE_TEST_IGF_QUESTIONS_H

static const char *const igf_questions[4] = {
	"What are the key challenges for multi-stakeholder partnerships and "
	"what are some of the strategies for overcoming them?",
	"Where have multi-stakeholder partnerships made the most impact and "
	"why? Where have they failed and why?",
	"Where should multi-stakeholder partnerships be promoted/strengthened?",
	"What is needed to enable partnerships to develop and be effective?",
};

#endif
