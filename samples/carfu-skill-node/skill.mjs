import Alexa from 'ask-sdk-core';
import { t } from './messages.mjs';

const isRequest = (type) => (input) => Alexa.getRequestType(input.requestEnvelope) === type;
const isIntent = (...names) => (input) =>
  Alexa.getRequestType(input.requestEnvelope) === 'IntentRequest' && names.includes(Alexa.getIntentName(input.requestEnvelope));
const localeOf = (input) => Alexa.getLocale(input.requestEnvelope) ?? 'en-US';

/** The Car Fu skill: greets the linked user by name and orders a car only with the order_car scope. */
export function createSkill(linkHub) {
  return Alexa.SkillBuilders.custom()
    .addRequestInterceptors(linkHub.requestInterceptor)
    .addRequestHandlers(
      {
        canHandle: isRequest('LaunchRequest'),
        handle(input) {
          const user = linkHub.requireUser(input);
          const locale = localeOf(input);
          return input.responseBuilder.speak(t(locale, 'hello', { name: user.name })).reprompt(t(locale, 'reprompt')).getResponse();
        },
      },
      {
        canHandle: isIntent('OrderCarIntent'),
        handle(input) {
          const user = linkHub.requireUser(input, 'order_car');
          const locale = localeOf(input);
          const destination = Alexa.getSlotValue(input.requestEnvelope, 'destination') ?? t(locale, 'somewhere');
          return input.responseBuilder.speak(t(locale, 'ordered', { name: user.name, destination })).withShouldEndSession(true).getResponse();
        },
      },
      {
        canHandle: isIntent('AMAZON.HelpIntent'),
        handle: (input) => input.responseBuilder.speak(t(localeOf(input), 'help')).reprompt(t(localeOf(input), 'reprompt')).getResponse(),
      },
      {
        canHandle: isIntent('AMAZON.StopIntent', 'AMAZON.CancelIntent'),
        handle: (input) => input.responseBuilder.speak(t(localeOf(input), 'goodbye')).withShouldEndSession(true).getResponse(),
      },
      { canHandle: isRequest('SessionEndedRequest'), handle: (input) => input.responseBuilder.getResponse() },
    )
    .addErrorHandlers(linkHub.errorHandler, {
      canHandle: () => true,
      handle(input, error) {
        console.error(`Car Fu: ${error.name}: ${error.message}`);
        return input.responseBuilder.speak(t(localeOf(input), 'error')).withShouldEndSession(true).getResponse();
      },
    })
    .create();
}
