using AlexaLinkHub.Application.Common.Interfaces;
using Mediator;

namespace AlexaLinkHub.Application.Common.Behaviours;

/// <summary>Every command runs in one database transaction and is saved at the end, so a command and its audit event
/// land together or not at all. A command sent from inside another command joins the outer transaction. An
/// <see cref="ISingleSaveCommand"/> is saved by one SaveChanges, which is a transaction of its own; an
/// <see cref="IStepwiseCommand"/> saves its own steps.</summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand || unitOfWork.HasActiveTransaction)
            return await next(message, cancellationToken);

        if (message is ISingleSaveCommand or IStepwiseCommand)
        {
            var result = await next(message, cancellationToken);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return result;
        }

        await unitOfWork.BeginTransactionAsync(cancellationToken);
        try
        {
            var response = await next(message, cancellationToken);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            await unitOfWork.CommitAsync(cancellationToken);
            return response;
        }
        catch
        {
            await unitOfWork.RollbackAsync(CancellationToken.None);
            throw;
        }
    }
}
